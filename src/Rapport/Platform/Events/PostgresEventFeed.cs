using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rapport.Platform.Database;

namespace Rapport.Platform.Events;

/// <summary>
/// On PostgreSQL several nodes share the work. A subscriber's checkpoint row is taken with
/// <c>FOR UPDATE SKIP LOCKED</c>, so one node at a time handles a subscriber and the others move on.
/// Sequence numbers are handed out before commit, so a later sequence can commit first: events are
/// read only from transactions older than every transaction still running
/// (<c>pg_snapshot_xmin</c>) and ordered by transaction, then sequence. Nothing committed late is
/// skipped.
/// </summary>
internal sealed class PostgresEventFeed(TimeProvider time) : IEventFeed
{
    public async Task<SubscriberCheckpoint?> TryTakeAsync(RapportDb db, string subscriber, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO subscriber_checkpoints (subscriber, position_transaction, position_sequence, updated_at)
            VALUES ({subscriber}, 0, 0, {now}) ON CONFLICT (subscriber) DO NOTHING
            """, ct);
        return await db.Set<SubscriberCheckpoint>()
            .FromSql($"SELECT * FROM subscriber_checkpoints WHERE subscriber = {subscriber} FOR UPDATE SKIP LOCKED")
            .SingleOrDefaultAsync(ct);
    }

    public async Task<bool> HasHeldBackEventsAsync(RapportDb db, CancellationToken ct) =>
        await db.Database.SqlQuery<bool>(
            $"SELECT EXISTS (SELECT 1 FROM event_log WHERE tx_id >= pg_snapshot_xmin(pg_current_snapshot())) AS \"Value\"").SingleAsync(ct);

    public async Task<IReadOnlyList<EventEnvelope>> ReadAfterAsync(
        RapportDb db, EventPosition after, IReadOnlyCollection<string> types, int limit, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            """
            SELECT tx_id::text::bigint, sequence, event_id, type, version, module, case_type, case_id,
                   occurred_at, actor_id, actor_kind, correlation_id, payload
            FROM event_log
            WHERE (tx_id, sequence) > (@tx::text::xid8, @seq)
              AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
              AND (@all OR type = ANY(@types))
            ORDER BY tx_id, sequence
            LIMIT @limit
            """;
        Add(command, "tx", after.Transaction);
        Add(command, "seq", after.Sequence);
        Add(command, "types", types.ToArray());
        Add(command, "all", types.Contains(EventSubscriptions.AllEvents));
        Add(command, "limit", limit);

        var result = new List<EventEnvelope>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(1);
            var entry = new EventLogEntry
            {
                Sequence = sequence,
                EventId = reader.GetGuid(2),
                Type = reader.GetString(3),
                Version = reader.GetInt32(4),
                Module = reader.GetString(5),
                CaseType = reader.GetString(6),
                CaseId = reader.GetString(7),
                OccurredAt = reader.GetFieldValue<DateTimeOffset>(8),
                ActorId = reader.IsDBNull(9) ? null : reader.GetString(9),
                ActorKind = Enum.Parse<ActorKind>(reader.GetString(10)),
                CorrelationId = reader.IsDBNull(11) ? null : reader.GetString(11),
                Payload = reader.GetString(12),
            };
            result.Add(new EventEnvelope(entry, new EventPosition(reader.GetInt64(0), sequence)));
        }

        return result;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
