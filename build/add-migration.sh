#!/usr/bin/env bash
# Adds a migration with the same name for both database providers.
# usage: build/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: build/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Rapport --context "${provider}RapportDb" --output-dir "Platform/Database/Migrations/$provider"
done
