namespace Rapport.Platform.Events;

/// <summary>One row of the append-only event log: a fact, who caused it and when.</summary>
public sealed class EventLogEntry
{
    /// <summary>Global order of appends, assigned by the database.</summary>
    public long Sequence { get; init; }

    public Guid EventId { get; init; }

    /// <summary>Stable event name, e.g. <c>tickets.ticket-opened</c>.</summary>
    public required string Type { get; init; }

    public int Version { get; init; }

    public required string Module { get; init; }

    /// <summary>What the event is about, e.g. <c>ticket</c>; with <see cref="CaseId"/> it names the stream.</summary>
    public required string CaseType { get; init; }

    public required string CaseId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public string? ActorId { get; init; }

    public ActorKind ActorKind { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>The event itself, as JSON.</summary>
    public required string Payload { get; init; }
}
