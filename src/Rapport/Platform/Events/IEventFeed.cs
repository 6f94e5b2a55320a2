using Rapport.Platform.Database;

namespace Rapport.Platform.Events;

/// <summary>
/// The database-specific half of dispatching: taking a subscriber's checkpoint so that no other node
/// works on it at the same time, and reading the events after it in commit order.
/// </summary>
public interface IEventFeed
{
    /// <summary>
    /// Inside the caller's transaction, takes the subscriber's checkpoint for this node, or answers
    /// null when another node holds it.
    /// </summary>
    Task<SubscriberCheckpoint?> TryTakeAsync(RapportDb db, string subscriber, CancellationToken ct);

    /// <summary>Whether committed events are held back because an older transaction is still running.</summary>
    Task<bool> HasHeldBackEventsAsync(RapportDb db, CancellationToken ct);

    Task<IReadOnlyList<EventEnvelope>> ReadAfterAsync(
        RapportDb db, EventPosition after, IReadOnlyCollection<string> types, int limit, CancellationToken ct);
}
