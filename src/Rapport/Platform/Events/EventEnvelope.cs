using System.Text.Json;

namespace Rapport.Platform.Events;

/// <summary>An event as a subscriber receives it: the log row plus typed access to its payload.</summary>
public sealed record EventEnvelope(EventLogEntry Entry, EventPosition Position)
{
    public string Type => Entry.Type;

    public Guid EventId => Entry.EventId;

    public T Payload<T>() where T : IEvent =>
        JsonSerializer.Deserialize<T>(Entry.Payload, EventJson.Options)
        ?? throw new InvalidOperationException($"Event {Entry.EventId} has an empty payload.");

    public bool Is<T>() where T : IEvent => string.Equals(Entry.Type, EventNames.Of<T>(), StringComparison.Ordinal);
}

/// <summary>
/// Where an event sits in dispatch order. On SQLite writes are serialised, so the sequence alone
/// orders them; on PostgreSQL the committing transaction comes first, because sequence numbers
/// are handed out before commit and concurrent transactions may commit out of order.
/// </summary>
public readonly record struct EventPosition(long Transaction, long Sequence)
{
    public static readonly EventPosition Start = new(0, 0);
}

public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
