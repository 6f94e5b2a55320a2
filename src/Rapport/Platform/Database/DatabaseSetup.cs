using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Events;

namespace Rapport.Platform.Database;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Rapport";

    /// <summary>Registers <see cref="RapportDb"/> on SQLite (default) or PostgreSQL, as configured.</summary>
    public static IHostApplicationBuilder AddRapportDatabase(this IHostApplicationBuilder builder, RapportOptions options)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (options.Database.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new StartupException(
                    "Rapport:Database:Provider is 'postgres' but ConnectionStrings:Rapport is empty. " +
                    "Set it, e.g. ConnectionStrings__Rapport='Host=127.0.0.1;Database=rapport;Username=rapport;Password=…'.");
            }

            builder.Services.AddDbContext<RapportDb, PostgresRapportDb>((sp, o) => o
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__migrations"))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(sp.GetRequiredService<EventLogGuard>()));
        }
        else
        {
            connectionString = SqliteConnectionString(connectionString, options);
            var busyTimeout = options.Database.SqliteBusyTimeoutMs;
            builder.Services.AddDbContext<RapportDb, SqliteRapportDb>((sp, o) => o
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__migrations"))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(new SqlitePragmas(busyTimeout), sp.GetRequiredService<EventLogGuard>()));
        }

        builder.Services.AddScoped<DatabaseMigrator>();
        return builder;
    }

    /// <summary>The SQLite file lives in the data folder unless a connection string says otherwise.</summary>
    public static string SqliteConnectionString(string? configured, RapportOptions options)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "rapport.db"),
            Pooling = true,
        }.ToString();
    }
}
