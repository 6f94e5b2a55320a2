using Rapport.Clocks.Contracts;

namespace Rapport.Clocks.Domain;

/// <summary>
/// What a service promises its customers, in their words, and the targets Rapport keeps time
/// against: first response and resolution per priority (SLA), happiness and lost time (XLA).
/// </summary>
public sealed class ServicePromise
{
    public Guid Id { get; init; }

    /// <summary>The catalog's service this promise belongs to (one promise a service).</summary>
    public Guid ServiceId { get; init; }

    /// <summary>The promise as a customer reads it: "We answer within 2 working hours…".</summary>
    public required string Text { get; set; }

    public Guid CalendarId { get; set; }

    /// <summary>Business-time targets by priority (critical, high, medium, low).</summary>
    public List<PromiseTarget> Targets { get; set; } = [];

    /// <summary>Waiting on a third party pauses the clocks too (waiting on the requester always does).</summary>
    public bool PauseOnThirdParty { get; set; }

    /// <summary>What a reopened ticket's resolution clock does: continue where it stopped, or restart from zero.</summary>
    public string OnReopen { get; set; } = ReopenRules.Continue;

    /// <summary>Warn when this share of a target is used (e.g. 80 %).</summary>
    public int WarnAtPercent { get; set; } = 80;

    /// <summary>What happens when a clock breaches, in order.</summary>
    public List<string> Escalations { get; set; } = [EscalationActions.NotifyTeamLead];

    /// <summary>Experience target: the least happiness (0–10) a ticket should leave.</summary>
    public int? MinHappiness { get; set; }

    /// <summary>Experience target: the most work time a requester should lose to one ticket, in minutes.</summary>
    public int? MaxLostMinutes { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public PromiseTarget? TargetFor(string priority) => Targets.FirstOrDefault(t => t.Priority == priority);
}

/// <summary>Business minutes to the first response and to resolution, for one priority; null when not promised.</summary>
public sealed record PromiseTarget(string Priority, int? FirstResponseMinutes, int? ResolutionMinutes);

public static class ReopenRules
{
    public const string Continue = "continue";
    public const string Restart = "restart";

    public static readonly IReadOnlyList<string> All = [Continue, Restart];
}
