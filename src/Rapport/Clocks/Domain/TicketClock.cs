using Rapport.Clocks.Contracts;

namespace Rapport.Clocks.Domain;

/// <summary>
/// A clock of a ticket as last replayed from its events, kept so that queues can sort by what is
/// due and the watcher can find what is about to breach without replaying anything.
/// </summary>
public sealed class TicketClock
{
    public long TicketId { get; init; }

    /// <summary>first-response or resolution.</summary>
    public required string Kind { get; init; }

    public Guid ServiceId { get; set; }

    public long TargetSeconds { get; set; }

    /// <summary>Business time used until it last paused or stopped.</summary>
    public long ElapsedSeconds { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? RunningSince { get; set; }

    public DateTimeOffset? PausedSince { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>When it breaches if nothing pauses or stops it; null unless running.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When to warn that it is at risk; null unless running.</summary>
    public DateTimeOffset? WarnAt { get; set; }

    public ClockReading ToReading() => new(
        Kind, TimeSpan.FromSeconds(TargetSeconds), TimeSpan.FromSeconds(ElapsedSeconds), StartedAt, RunningSince, PausedSince, StoppedAt, DueAt, WarnAt);

    /// <summary>Takes the replayed reading; true when anything changed.</summary>
    public bool Take(ClockReading reading, Guid serviceId)
    {
        var before = (ServiceId, TargetSeconds, ElapsedSeconds, StartedAt, RunningSince, PausedSince, StoppedAt, DueAt, WarnAt);
        ServiceId = serviceId;
        TargetSeconds = (long)reading.Target.TotalSeconds;
        ElapsedSeconds = (long)reading.Elapsed.TotalSeconds;
        StartedAt = reading.StartedAt;
        RunningSince = reading.RunningSince;
        PausedSince = reading.PausedSince;
        StoppedAt = reading.StoppedAt;
        DueAt = reading.DueAt;
        WarnAt = reading.WarnAt;
        return before != (ServiceId, TargetSeconds, ElapsedSeconds, StartedAt, RunningSince, PausedSince, StoppedAt, DueAt, WarnAt);
    }
}

/// <summary>A warning or breach that has fired for a ticket's clock: it fires once, whatever the number of nodes.</summary>
public sealed class ClockAlert
{
    public long TicketId { get; init; }

    public required string Kind { get; init; }

    /// <summary>at-risk or breached.</summary>
    public required string Alert { get; init; }

    public DateTimeOffset FiredAt { get; init; }
}

public static class ClockAlerts
{
    public const string AtRisk = "at-risk";
    public const string Breached = "breached";
}
