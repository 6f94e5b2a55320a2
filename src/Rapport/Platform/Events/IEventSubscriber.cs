namespace Rapport.Platform.Events;

/// <summary>
/// Reacts to events from the log, in order, at least once. The changes a subscriber makes on the
/// scope's <see cref="Database.RapportDb"/> are saved together with its checkpoint, so effects in
/// the database happen exactly once; an external effect (a mail, a webhook) must use
/// <see cref="EventEnvelope.EventId"/> as its idempotency key.
/// </summary>
public interface IEventSubscriber
{
    /// <summary>A stable name: the checkpoint is kept under it.</summary>
    string Name { get; }

    /// <summary>The event types this subscriber wants; <see cref="EventSubscriptions.AllEvents"/> for every event.</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    /// <param name="envelope">The event.</param>
    /// <param name="scope">Services of the dispatch scope; its RapportDb and EventLog share the dispatcher's transaction.</param>
    /// <param name="ct">Cancellation.</param>
    Task HandleAsync(EventEnvelope envelope, IServiceProvider scope, CancellationToken ct);
}

public static class EventSubscriptions
{
    /// <summary>Stands for every event type (webhooks, search, analytics).</summary>
    public const string AllEvents = "*";
}
