using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Rapport.Bench.Features;

internal sealed class SqliteBulkLoader(string connectionString) : IBulkLoader
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly SqliteConnection _connection = new(connectionString);
    private readonly List<(string Name, string Sql)> _dropped = [];
    private readonly Dictionary<BenchTable, SqliteCommand> _inserts = [];

    public async Task BeginAsync(CancellationToken ct)
    {
        await _connection.OpenAsync(ct);
        // A benchmark data set is rebuilt rather than recovered: durability can wait until the end.
        await ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;", ct);
        var tables = string.Join(", ", BenchTables.Bulk.Select(t => $"'{t}'"));
        await using (var command = _connection.CreateCommand())
        {
            command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({tables}) ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                _dropped.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in _dropped)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\";", ct);
        }
    }

    public async Task WriteAsync(BenchBatch batch, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
        foreach (var (table, rows) in batch.InOrder())
        {
            var insert = Insert(table);
            insert.Transaction = transaction;
            var parameters = insert.Parameters;
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = Stored(row[i], table.Columns[i].Kind);
                }

                insert.ExecuteNonQuery();
            }
        }

        await transaction.CommitAsync(ct);
    }

    public async Task FinishAsync(Action<string> progress, CancellationToken ct)
    {
        foreach (var (name, sql) in _dropped)
        {
            progress($"building index {name}");
            await ExecuteAsync(sql, ct);
        }

        _dropped.Clear();
        await ExecuteAsync("PRAGMA synchronous = NORMAL; PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }

    public async Task SkipHistoryAsync(IEnumerable<string> subscribers, DateTimeOffset now, CancellationToken ct)
    {
        await using var last = _connection.CreateCommand();
        last.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM event_log";
        var sequence = Convert.ToInt64(await last.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        foreach (var subscriber in subscribers)
        {
            await using var command = _connection.CreateCommand();
            command.CommandText =
                """
                INSERT INTO subscriber_checkpoints (subscriber, position_transaction, position_sequence, updated_at)
                VALUES ($subscriber, 0, $sequence, $now)
                ON CONFLICT (subscriber) DO UPDATE SET position_transaction = 0, position_sequence = $sequence, updated_at = $now
                """;
            command.Parameters.AddWithValue("$subscriber", subscriber);
            command.Parameters.AddWithValue("$sequence", sequence);
            command.Parameters.AddWithValue("$now", Stored(now, ColumnKind.Instant));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts.Values)
        {
            await insert.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    /// <summary>As EF stores them here: Guids as upper-case text, instants as fixed-width UTC text, flags as 0/1.</summary>
    private static object Stored(object? value, ColumnKind kind) => value switch
    {
        null => DBNull.Value,
        Guid id => id.ToString("D").ToUpperInvariant(),
        DateTimeOffset at => at.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture),
        bool flag => flag ? 1L : 0L,
        _ when kind is ColumnKind.Text => value,
        _ => value,
    };

    private SqliteCommand Insert(BenchTable table)
    {
        if (_inserts.TryGetValue(table, out var insert))
        {
            return insert;
        }

        insert = _connection.CreateCommand();
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"));
        insert.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({values})";
        for (var i = 0; i < table.Columns.Count; i++)
        {
            insert.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        }

        _inserts[table] = insert;
        return insert;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
