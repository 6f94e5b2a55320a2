#!/usr/bin/env bash
# Rapport's benchmark: generates the data set (or reuses it), recomputes every ticket's clocks, starts
# Rapport on 127.0.0.1 against it, drives it with wrk and writes bench/results/<date>-<db>.md and .json.
#
#   bench/run.sh [--db sqlite|postgres|both] [--tickets N] [--seed S] [--duration SECONDS]
#                [--connections N] [--fresh] [--generate-only] [--no-build] [--no-recompute]
#
# --no-recompute reuses the clocks and the recompute time of the last run on the same data set.
# Two runs (one per database) may go at once: they take turns for the measurements (a lock file).
#
# Needs the .NET SDK; installs wrk, jq, sqlite3 and (for PostgreSQL) PostgreSQL with apt when they are
# missing, and starts PostgreSQL on 127.0.0.1:5432 like .ci/run does. See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
COMMAND="bench/run.sh $*"

DB=both
TICKETS=1000000
SEED=1
DURATION=20
CONNECTIONS=4
CREATE_CONNECTIONS=8
FRESH=0
GENERATE_ONLY=0
BUILD=1
RECOMPUTE=1
PORT=${BENCH_PORT:-5199}
PASSWORD=bench-password-2026
PG_VERSION=15
PG_PORT=5432

while (($# > 0)); do
    case "$1" in
        --db) DB=$2; shift 2 ;;
        --tickets) TICKETS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --fresh) FRESH=1; shift ;;
        --generate-only) GENERATE_ONLY=1; shift ;;
        --no-build) BUILD=0; shift ;;
        --no-recompute) RECOMPUTE=0; shift ;;
        -h|--help) sed -n 2,10p "$0"; exit 0 ;;
        *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$DB" in sqlite|postgres) DATABASES=("$DB") ;; both) DATABASES=(sqlite postgres) ;;
    *) echo "bench/run.sh: --db is sqlite, postgres or both" >&2; exit 2 ;; esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive
WORK=$ROOT/bench/.work
APP=$WORK/app
mkdir -p "$WORK" "$ROOT/bench/results"
say() { echo "[$(date +%T)] $*"; }

# ---- tools ----------------------------------------------------------------------------------------
missing=()
for tool in wrk jq sqlite3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [[ " ${DATABASES[*]} " == *" postgres "* ]] && ! command -v pg_ctlcluster >/dev/null; then missing+=(postgresql); fi
if ((${#missing[@]} > 0)); then
    say "installing ${missing[*]}"
    apt-get update -q && apt-get install -y -q "${missing[@]}"
fi

if ((BUILD)) || [[ ! -x $APP/rapport ]]; then
    say "building Rapport (Release)"
    dotnet publish src/Rapport -c Release -o "$APP" -v q --nologo >/dev/null
fi
RAPPORT=$APP/rapport

# ---- PostgreSQL -----------------------------------------------------------------------------------
pg() { PGPASSWORD=rapport psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
start_postgres() {
    if ! pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
        say "starting PostgreSQL"
        pg_ctlcluster "$PG_VERSION" main start
        for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 1; done
    fi
    if ! pg -c 'SELECT 1' >/dev/null 2>&1; then
        runuser -u postgres -- psql -p "$PG_PORT" -qc "ALTER USER postgres PASSWORD 'rapport';"
    fi
}

# ---- one database ---------------------------------------------------------------------------------
run_one() {
    local db=$1 name=$db-$TICKETS-s$SEED
    local marker=$WORK/$name.generated
    export Rapport__Demo__Seed=false Rapport__Events__PollIntervalMs=200 Logging__LogLevel__Default=Warning
    if [[ $db == sqlite ]]; then
        export Rapport__Database__Provider=sqlite Rapport__DataDirectory=$WORK/$name
        unset ConnectionStrings__Rapport
        local file=$WORK/$name/rapport.db
        sql() { sqlite3 "$file" "$1"; }
        if ((FRESH)) || [[ ! -f $marker ]]; then rm -rf "$WORK/$name" "$marker"; fi
        mkdir -p "$WORK/$name"
    else
        start_postgres
        local database=rapport_bench_${TICKETS}_s$SEED
        export Rapport__Database__Provider=postgres Rapport__DataDirectory=$WORK/$name
        export ConnectionStrings__Rapport="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=rapport;Database=$database;Maximum Pool Size=50"
        sql() { pg -d "$database" -c "$1"; }
        if ((FRESH)) || [[ ! -f $marker ]]; then
            rm -f "$marker"
            pg -c "DROP DATABASE IF EXISTS $database;" -c "CREATE DATABASE $database;"
        fi
        mkdir -p "$WORK/$name"
    fi

    if [[ ! -f $marker ]]; then
        say "$db: generating $TICKETS tickets (seed $SEED)"
        local started=$SECONDS
        "$RAPPORT" bench generate --tickets "$TICKETS" --seed "$SEED" --password "$PASSWORD" | tee "$WORK/$name.log"
        echo "$((SECONDS - started))" >"$marker"
    fi
    local generate_seconds
    generate_seconds=$(cat "$marker")
    if ((GENERATE_ONLY)); then
        say "$db: the data set is ready ($WORK/$name)"
        return
    fi

    local recompute_out recompute_seconds
    if ((RECOMPUTE)) || [[ ! -f $WORK/$name.recompute ]]; then
        say "$db: recomputing every ticket's clocks"
        recompute_out=$("$RAPPORT" clocks recompute --batch 2000 | tee /dev/stderr | tail -n 1)
        echo "$recompute_out" >"$WORK/$name.recompute"
    else
        recompute_out="$(cat "$WORK/$name.recompute") (from the previous run on this data set)"
    fi
    recompute_seconds=$(sed -E 's/.* in ([0-9.]+) s.*/\1/' <<<"$recompute_out")

    # One measurement at a time on this machine, whichever database.
    exec 9>"$WORK/measuring.lock"
    say "$db: waiting for the machine (another run may be measuring)"
    flock 9

    say "$db: API tokens for the admin, the IT agent and the requester"
    token() { "$RAPPORT" token create --email "$1" --name "bench $(date +%s%N)" | sed -n 's/^Token (shown once): //p'; }
    local admin=admin@demo.rapport.example agent=tom.becker@demo.rapport.example requester=ben.carter@demo.rapport.example
    local agent_token requester_token
    agent_token=$(token $agent)
    requester_token=$(token $requester)

    say "$db: starting Rapport on 127.0.0.1:$PORT"
    "$RAPPORT" serve --urls "http://127.0.0.1:$PORT" >"$WORK/$name.server.log" 2>&1 &
    local server=$!
    trap "kill $server 2>/dev/null || true" EXIT
    local base=http://127.0.0.1:$PORT
    for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null && break; sleep 1; done
    curl -fs "$base/health" >/dev/null || { echo "Rapport did not start; see $WORK/$name.server.log" >&2; exit 1; }

    # The recompute's due times reach the tickets through the dispatcher; measure once it is done.
    say "$db: waiting for the event dispatcher to catch up"
    local last="" same=0
    for _ in $(seq 1 900); do
        local behind now
        behind=$(sql "SELECT COUNT(*) FROM event_log e WHERE e.type = 'clocks.due-changed' AND e.sequence > (SELECT position_sequence FROM subscriber_checkpoints WHERE subscriber = 'tickets.promise-clocks');")
        now=$(sql "SELECT MAX(sequence) FROM event_log;")
        if [[ $behind == 0 && $now == "$last" ]]; then same=$((same + 1)); else same=0; fi
        ((same >= 5)) && break
        last=$now
        sleep 1
    done

    say "$db: signing in"
    sign_in() { # sign_in EMAIL -> "Cookie: …"
        local jar=$WORK/cookies-$1.txt page verification
        rm -f "$jar"
        page=$(curl -fs -c "$jar" -b "$jar" "$base/signin")
        verification=$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//' | head -n 1)
        curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_handler=signin" \
            --data-urlencode "__RequestVerificationToken=$verification" --data-urlencode "Input.Email=$1" \
            --data-urlencode "Input.Password=$PASSWORD" "$base/signin"
        echo "Cookie: $(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")"
    }
    local agent_cookie admin_cookie requester_cookie
    agent_cookie=$(sign_in $agent)
    admin_cookie=$(sign_in $admin)
    requester_cookie=$(sign_in $requester)

    # A deep page: follow the agent's "all" queue a few thousand tickets down, as paging would.
    say "$db: following the queue's cursors for a deep page"
    local cursor="" depth=0
    while ((depth < 3000)); do
        cursor=$(curl -fs -H "Authorization: Bearer $agent_token" "$base/api/v1/tickets?queue=all&state=all&size=200${cursor:+&cursor=$cursor}" | jq -r '.next // empty')
        [[ -z $cursor ]] && break
        depth=$((depth + 200))
    done

    local service
    service=$(curl -fs -H "Authorization: Bearer $requester_token" "$base/api/v1/services" | jq -r '(if type == "array" then . else .items end)[] | select(.key == "something-broken") | .id')
    local body
    body=$(jq -cn --arg s "$service" '{serviceId: $s, subject: "The VPN drops every few minutes", description: "Since this morning, at home and in the office.", impact: "medium", urgency: "medium", fields: {device: "VPN"}}')

    # Every page must answer 200 to the signed-in person (not a redirect to the sign-in page).
    check() { # check HEADER PATH [METHOD BODY]
        local status
        if [[ ${3:-GET} == POST ]]; then
            status=$(curl -s -o /dev/null -w '%{http_code}' -H "$1" -H 'Content-Type: application/json' -d "$4" "$base$2")
        else
            status=$(curl -s -o /dev/null -w '%{http_code}' -H "$1" "$base$2")
        fi
        [[ $status == 200 || $status == 201 ]] || { echo "GET $2 answered $status; the benchmark would measure an error page." >&2; exit 1; }
    }

    measure() { # measure KEY CONNECTIONS HEADER PATH [METHOD BODY]
        local key=$1 connections=$2
        export BENCH_HEADER=$3 BENCH_PATH=$4 BENCH_METHOD=${5:-GET} BENCH_BODY=${6:-} BENCH_MAX_ID=$TICKETS
        check "$3" "${4//\{id\}/1}" "${5:-GET}" "${6:-}"
        say "$db: $key ($4)"
        BENCH_OUT=/dev/null wrk -t2 -c"$connections" -d3s -s bench/wrk/measure.lua "$base" >/dev/null
        BENCH_OUT=$WORK/$name.$key.json wrk -t2 -c"$connections" -d"${DURATION}s" -s bench/wrk/measure.lua "$base" | tail -n 1
    }

    local load_before
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)

    # Counted before ticket creation adds its own.
    local requested generated
    requested=$(sql "SELECT COUNT(*) FROM tickets t JOIN people p ON p.id = t.requester_id WHERE p.email = '$requester';")
    generated=$(sql "SELECT COUNT(*) FROM tickets;")

    measure queue_page "$CONNECTIONS" "$agent_cookie" "/desk/queues/team"
    measure queue_deep_page "$CONNECTIONS" "$agent_cookie" "/desk/queues/all?state=all&cursor=$cursor"
    measure ticket_page "$CONNECTIONS" "$admin_cookie" "/desk/tickets/{id}"
    measure portal_page "$CONNECTIONS" "$requester_cookie" "/portal/requests"
    measure search "$CONNECTIONS" "$agent_cookie" "/desk/queues/all?state=all&q=printer"
    measure create_ticket "$CREATE_CONNECTIONS" "Authorization: Bearer $requester_token" "/api/v1/tickets" POST "$body"

    kill $server; wait $server 2>/dev/null || true
    trap - EXIT
    flock -u 9

    # ---- the results ----------------------------------------------------------------------------
    local counts size cores memory cpu version
    counts=$(sql "SELECT (SELECT COUNT(*) FROM tickets) || ' ' || (SELECT COUNT(*) FROM event_log) || ' ' || (SELECT COUNT(*) FROM ticket_comments) || ' ' || (SELECT COUNT(*) FROM ticket_attachments) || ' ' || (SELECT COUNT(*) FROM people) || ' ' || (SELECT COUNT(*) FROM ticket_clocks);")
    read -r n_tickets n_events n_comments n_attachments n_people n_clocks <<<"$counts"
    if [[ $db == sqlite ]]; then
        size=$(du -sh "$WORK/$name" | cut -f1)
        version="SQLite $(sqlite3 --version | cut -d' ' -f1) (the sqlite3 tool; Rapport uses the SQLite bundled with Microsoft.Data.Sqlite)"
    else
        size=$(sql "SELECT pg_size_pretty(pg_database_size(current_database()));")
        version="PostgreSQL $(sql 'SHOW server_version;')"
    fi
    cores=$(nproc)
    memory=$(free -g | awk '/^Mem:/ { print $2 " GB" }')
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')

    local date stem
    date=$(date +%Y-%m-%d)
    stem=$ROOT/bench/results/$date-$db
    m() { cat "$WORK/$name.$1.json"; }
    jq -n --arg db "$db" --argjson tickets "$TICKETS" --argjson cores "$cores" \
        --argjson queue "$(m queue_page)" --argjson deep "$(m queue_deep_page)" --argjson ticket "$(m ticket_page)" \
        --argjson portal "$(m portal_page)" --argjson search "$(m search)" --argjson create "$(m create_ticket)" \
        --argjson recompute "$recompute_seconds" \
        'def page: {p50_ms, p95_ms, p99_ms, rps};
         {database: (if $db == "sqlite" then "sqlite" else "postgres" end), tickets: $tickets, cores: $cores,
          metrics: {queue_page: ($queue | page), queue_deep_page: ($deep | page), ticket_page: ($ticket | page),
                    portal_page: ($portal | page), search: ($search | page),
                    create_ticket: {per_second: $create.rps}, clocks_recompute: {seconds: $recompute}}}' >"$stem.json"

    row() { jq -r --arg what "$2" '"| \($what) | \(.p50_ms) | \(.p95_ms) | \(.p99_ms) | \(.rps) | \(.requests) | \(.errors) |"' "$WORK/$name.$1.json"; }
    verdict() { jq -r --argjson limit "$2" 'if .p95_ms < $limit then "met" else "missed" end' "$WORK/$name.$1.json"; }
    {
        echo "# Benchmark: $db, $TICKETS tickets ($date)"
        echo
        echo "## Machine and data"
        echo
        echo "- machine: $cores cores ($cpu), $memory memory, $(uname -sr); load average when the measurements began: $load_before (1, 5, 15 min; other work shared the machine when it is above ~2)"
        echo "- database: $version; on disk: $size"
        echo "- data (seed $SEED): $generated tickets when measuring ($n_tickets after the creation test), $n_events events, $n_comments comments, $n_attachments attachments (metadata), $n_people people, $n_clocks ticket clocks"
        echo "- generating the data set took ${generate_seconds} s"
        echo "- command: \`$COMMAND\` (wrk, 2 threads, $CONNECTIONS connections for pages and $CREATE_CONNECTIONS for creation, ${DURATION} s each after a 3 s warm-up; Release build on 127.0.0.1, client and server on the same machine)"
        echo
        echo "## Figures"
        echo
        echo "| what | p50 ms | p95 ms | p99 ms | requests/s | requests | errors |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
        row queue_page "agent queue, first page (\`/desk/queues/team\`, IT agent, active tickets, newest first)"
        row queue_deep_page "agent queue, deep page (\`/desk/queues/all?state=all\`, $depth tickets down, followed by cursor)"
        row ticket_page "ticket page (\`/desk/tickets/{id}\`, administrator, random ids)"
        row portal_page "portal \"my requests\" (\`/portal/requests\`, a requester with $requested tickets)"
        row search "search, stand-in: the queue's subject filter (\`/desk/queues/all?state=all&q=printer\`)"
        row create_ticket "ticket creation (\`POST /api/v1/tickets\`, bearer token)"
        echo
        echo "- recomputing every ticket's clocks (\`rapport clocks recompute\`): **${recompute_seconds} s** — $recompute_out"
        echo
        echo "## Targets"
        echo
        echo "| target | result |"
        echo "| --- | --- |"
        echo "| queue first page p95 < 50 ms | $(verdict queue_page 50) |"
        echo "| queue deep page p95 < 50 ms | $(verdict queue_deep_page 50) |"
        echo "| ticket page p95 < 50 ms | $(verdict ticket_page 50) |"
        echo "| portal page p95 < 50 ms | $(verdict portal_page 50) |"
        echo "| search p95 < 100 ms (measured on the subject filter, not full-text search) | $(verdict search 100) |"
        echo "| ticket creation > 1,000 a second | $(jq -r 'if .rps > 1000 then "met" else "missed" end' "$WORK/$name.create_ticket.json") |"
        echo
        echo "## Not measured yet"
        echo
        echo "- full-text search: there is no search module yet; \`search\` above measures the desk queue's subject filter (\`q=\`), which is what a person can search with today."
        echo "- experience dashboard and feedback: feedback does not exist yet, so the generator makes none and \`experience_dashboard\` is left out."
        echo "- inbound mail: there is no mail module yet, so \`mail_ingest\` is left out."
    } >"$stem.md"
    say "$db: wrote $stem.md and $stem.json"
}

for db in "${DATABASES[@]}"; do
    run_one "$db"
done
