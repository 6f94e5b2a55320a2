using System.Diagnostics;
using System.Text.Json;
using Rapport.Platform.Database;

namespace Rapport.Platform.Events;

/// <summary>
/// Appends facts to the log through the scope's <see cref="RapportDb"/>: they are written by the same
/// <c>SaveChanges</c> as the state they describe, or not at all.
/// </summary>
public sealed class EventLog(RapportDb db, CurrentActor actor, TimeProvider time)
{
    public EventLogEntry Append<T>(T fact, string caseType, string caseId) where T : IEvent =>
        Append(fact, caseType, caseId, time.GetUtcNow());

    /// <summary>Appends a fact that happened at <paramref name="occurredAt"/> (imported or generated history).</summary>
    public EventLogEntry Append<T>(T fact, string caseType, string caseId, DateTimeOffset occurredAt) where T : IEvent
    {
        var name = EventNames.Of(fact.GetType());
        var who = actor.Get();
        var entry = new EventLogEntry
        {
            EventId = Guid.CreateVersion7(time.GetUtcNow()),
            Type = name.Name,
            Version = name.Version,
            Module = name.Module,
            CaseType = caseType,
            CaseId = caseId,
            OccurredAt = occurredAt,
            ActorId = who.Id,
            ActorKind = who.Kind,
            CorrelationId = Activity.Current?.TraceId.ToString(),
            Payload = JsonSerializer.Serialize(fact, fact.GetType(), EventJson.Options),
        };
        db.Set<EventLogEntry>().Add(entry);
        return entry;
    }
}
