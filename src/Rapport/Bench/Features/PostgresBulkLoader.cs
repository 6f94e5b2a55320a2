using Npgsql;
using NpgsqlTypes;

namespace Rapport.Bench.Features;

internal sealed class PostgresBulkLoader(string connectionString) : IBulkLoader
{
    private readonly NpgsqlConnection _connection = new(connectionString);
    private readonly List<(string Name, string Definition)> _dropped = [];

    public async Task BeginAsync(CancellationToken ct)
    {
        await _connection.OpenAsync(ct);
        await ExecuteAsync("SET synchronous_commit = off; SET maintenance_work_mem = '512MB';", ct);
        await using (var command = new NpgsqlCommand(
            """
            SELECT indexname, indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = indexname)
            ORDER BY indexname
            """, _connection))
        {
            command.Parameters.AddWithValue("tables", BenchTables.Bulk.ToArray());
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
        await using var transaction = await _connection.BeginTransactionAsync(ct);
        foreach (var (table, rows) in batch.InOrder())
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            await using var import = await _connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            // Synchronous writes: a million rows of awaits cost more than the copying itself.
            foreach (var row in rows)
            {
                import.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    Write(import, row[i], table.Columns[i].Kind);
                }
            }

            await import.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task FinishAsync(Action<string> progress, CancellationToken ct)
    {
        foreach (var (name, definition) in _dropped)
        {
            progress($"building index {name}");
            await ExecuteAsync(definition, ct);
        }

        _dropped.Clear();
        await ExecuteAsync(
            """
            SELECT setval(pg_get_serial_sequence('tickets', 'id'), GREATEST((SELECT MAX(id) FROM tickets), 1));
            SELECT setval(pg_get_serial_sequence('event_log', 'sequence'), GREATEST((SELECT MAX(sequence) FROM event_log), 1));
            """, ct);
        progress("refreshing planner statistics");
        await ExecuteAsync($"ANALYZE people, {string.Join(", ", BenchTables.Bulk)};", ct);
    }

    public async Task SkipHistoryAsync(IEnumerable<string> subscribers, DateTimeOffset now, CancellationToken ct)
    {
        long transaction = 0, sequence = 0;
        await using (var last = new NpgsqlCommand("SELECT tx_id::text::bigint, sequence FROM event_log ORDER BY tx_id DESC, sequence DESC LIMIT 1", _connection))
        await using (var reader = await last.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                transaction = reader.GetInt64(0);
                sequence = reader.GetInt64(1);
            }
        }

        foreach (var subscriber in subscribers)
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO subscriber_checkpoints (subscriber, position_transaction, position_sequence, updated_at)
                VALUES (@subscriber, @transaction, @sequence, @now)
                ON CONFLICT (subscriber) DO UPDATE SET position_transaction = @transaction, position_sequence = @sequence, updated_at = @now
                """, _connection);
            command.Parameters.AddWithValue("subscriber", subscriber);
            command.Parameters.AddWithValue("transaction", transaction);
            command.Parameters.AddWithValue("sequence", sequence);
            command.Parameters.AddWithValue("now", now);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static void Write(NpgsqlBinaryImporter import, object? value, ColumnKind kind)
    {
        switch (value)
        {
            case null:
                import.WriteNull();
                break;
            case Guid id:
                import.Write(id, NpgsqlDbType.Uuid);
                break;
            case DateTimeOffset at:
                import.Write(at.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                break;
            case bool flag:
                import.Write(flag, NpgsqlDbType.Boolean);
                break;
            case int number:
                import.Write(number, NpgsqlDbType.Integer);
                break;
            case long number:
                import.Write(number, NpgsqlDbType.Bigint);
                break;
            case string text:
                import.Write(text, NpgsqlDbType.Text);
                break;
            default:
                throw new InvalidOperationException($"No way to write a {value.GetType().Name} as {kind}.");
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
