using Npgsql;

namespace Rapport.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test application: a SQLite file in a temp folder, or a fresh
/// PostgreSQL database on the server named by RAPPORT_TEST_POSTGRES.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "RAPPORT_TEST_POSTGRES";

    private readonly string? _adminConnection;

    private TestDatabase(string provider, string connectionString, string dataDirectory, string? adminConnection, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _adminConnection = adminConnection;
        Name = name;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    public string? Name { get; }

    public bool IsPostgres => Provider == "postgres";

    public static TestDatabase Sqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rapport-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestDatabase("sqlite", $"Data Source={Path.Combine(directory, "rapport.db")};Pooling=False", directory, null, null);
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable}, e.g. \"Host=127.0.0.1;Username=postgres;Password=rapport;Database=rapport_test\". " +
                "bash .ci/run installs and starts PostgreSQL and sets it.");
        }

        var name = "rapport_t_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var directory = Path.Combine(Path.GetTempPath(), "rapport-tests", name);
        Directory.CreateDirectory(directory);
        return new TestDatabase("postgres", connectionString, directory, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the system.
        }
    }
}
