namespace Rapport.Platform.Events;

/// <summary>How far one subscriber has come through the event log.</summary>
public sealed class SubscriberCheckpoint
{
    public required string Subscriber { get; init; }

    public long PositionTransaction { get; set; }

    public long PositionSequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public EventPosition Position => new(PositionTransaction, PositionSequence);
}
