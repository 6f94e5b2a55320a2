using Rapport.Platform.Events;

namespace Rapport.Clocks.Contracts;

/// <summary>The two clocks of a promise.</summary>
public static class ClockKinds
{
    public const string FirstResponse = "first-response";
    public const string Resolution = "resolution";

    public static readonly IReadOnlyList<string> All = [FirstResponse, Resolution];
}

/// <summary>How a clock stands when it is read.</summary>
public static class ClockStates
{
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Met = "met";
    public const string Breached = "breached";
}

/// <summary>What a promise may do when a clock breaches; other modules carry them out.</summary>
public static class EscalationActions
{
    public const string NotifyTeamLead = "notify-team-lead";
    public const string RaisePriority = "raise-priority";
    public const string Reassign = "reassign-to-team-lead";

    public static readonly IReadOnlyList<string> All = [NotifyTeamLead, RaisePriority, Reassign];
}

/// <summary>A ticket's clock as read now: when it is due, how it stands, how much business time is left.</summary>
public sealed record ClockDto(string Kind, string State, DateTimeOffset? DueAt, TimeSpan Target, TimeSpan BusinessTimeLeft);

public sealed record TicketClocksDto(ClockDto? FirstResponse, ClockDto? Resolution)
{
    public static readonly TicketClocksDto None = new(null, null);

    /// <summary>The clock that is due first among those still running; else a paused one.</summary>
    public ClockDto? Next => new[] { FirstResponse, Resolution }
        .Where(c => c is { DueAt: not null, State: ClockStates.Running or ClockStates.Breached })
        .OrderBy(c => c!.DueAt)
        .FirstOrDefault()
        ?? new[] { FirstResponse, Resolution }.FirstOrDefault(c => c is { State: ClockStates.Paused });
}

public sealed record PromiseTargetDto(string Priority, int? FirstResponseMinutes, int? ResolutionMinutes);

/// <summary>A service's promise as its customers read it.</summary>
/// <param name="TimeZone">The calendar's IANA zone: due times are told in it.</param>
public sealed record ServicePromiseDto(
    Guid ServiceId, string Text, string CalendarName, IReadOnlyList<PromiseTargetDto> Targets, int? MinHappiness, int? MaxLostMinutes, string TimeZone);

/// <summary>Read-only questions other modules may ask about promises and clocks.</summary>
public interface ITicketClocks
{
    Task<TicketClocksDto> ForTicketAsync(long ticketId, CancellationToken ct);

    /// <summary>Clocks of many tickets at once (a queue page), by ticket.</summary>
    Task<IReadOnlyDictionary<long, TicketClocksDto>> ForTicketsAsync(IReadOnlyCollection<long> ticketIds, CancellationToken ct);

    Task<ServicePromiseDto?> PromiseForServiceAsync(Guid serviceId, CancellationToken ct);
}

[EventName("clocks.calendar-saved")]
public sealed record BusinessCalendarSaved(Guid CalendarId, string Name, string TimeZone, int Intervals, int Holidays) : IEvent;

[EventName("clocks.promise-saved")]
public sealed record ServicePromiseSaved(Guid PromiseId, Guid ServiceId, Guid CalendarId, int Targets, string OnReopen, bool PauseOnThirdParty) : IEvent;

/// <summary>A service no longer promises anything: its tickets keep no clocks from now on.</summary>
[EventName("clocks.promise-removed")]
public sealed record ServicePromiseRemoved(Guid PromiseId, Guid ServiceId) : IEvent;

/// <summary>The earliest due time among a ticket's running clocks changed (null: none runs). Queues sort by it.</summary>
[EventName("clocks.due-changed")]
public sealed record TicketDueChanged(long TicketId, DateTimeOffset? DueAt) : IEvent;

/// <summary>A clock used its warning share of the target.</summary>
[EventName("clocks.clock-at-risk")]
public sealed record ClockAtRisk(long TicketId, string Kind, DateTimeOffset DueAt) : IEvent;

/// <summary>A clock passed its target; the promise's escalations follow, each once.</summary>
[EventName("clocks.clock-breached")]
public sealed record ClockBreached(long TicketId, string Kind, DateTimeOffset DueAt, IReadOnlyList<string> Escalations) : IEvent;
