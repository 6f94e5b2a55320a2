using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;

namespace Rapport.Platform.Events;

/// <summary>
/// SQLite has one writer at a time and the dispatcher's transaction starts as a writer
/// (BEGIN IMMEDIATE), so holding the transaction is holding the checkpoint; sequence order is
/// commit order.
/// </summary>
internal sealed class SqliteEventFeed(TimeProvider time) : IEventFeed
{
    public async Task<SubscriberCheckpoint?> TryTakeAsync(RapportDb db, string subscriber, CancellationToken ct)
    {
        var checkpoint = await db.Set<SubscriberCheckpoint>().SingleOrDefaultAsync(c => c.Subscriber == subscriber, ct);
        if (checkpoint is null)
        {
            checkpoint = new SubscriberCheckpoint { Subscriber = subscriber, UpdatedAt = time.GetUtcNow() };
            db.Add(checkpoint);
        }

        return checkpoint;
    }

    public Task<bool> HasHeldBackEventsAsync(RapportDb db, CancellationToken ct) => Task.FromResult(false);

    public async Task<IReadOnlyList<EventEnvelope>> ReadAfterAsync(
        RapportDb db, EventPosition after, IReadOnlyCollection<string> types, int limit, CancellationToken ct)
    {
        var all = types.Contains(EventSubscriptions.AllEvents);
        var rows = await db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.Sequence > after.Sequence && (all || types.Contains(e.Type)))
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(ct);
        return [.. rows.Select(e => new EventEnvelope(e, new EventPosition(0, e.Sequence)))];
    }
}
