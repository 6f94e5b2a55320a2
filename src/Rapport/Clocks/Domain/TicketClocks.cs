using Rapport.Clocks.Contracts;

namespace Rapport.Clocks.Domain;

/// <summary>What the clocks need to know of a ticket's life, taken from its events.</summary>
public abstract record ClockFact(DateTimeOffset At)
{
    public sealed record Opened(DateTimeOffset At, string Priority) : ClockFact(At);

    public sealed record Moved(DateTimeOffset At, string From, string To) : ClockFact(At);

    /// <summary>An agent's public reply: the requester heard from us.</summary>
    public sealed record AgentReplied(DateTimeOffset At) : ClockFact(At);

    public sealed record PriorityChanged(DateTimeOffset At, string Priority) : ClockFact(At);
}

/// <summary>
/// A clock as its facts left it: the business time used until it last paused or stopped, and since
/// when it runs again. Nothing here depends on when it is read; <see cref="StateAt"/> and
/// <see cref="LeftAt"/> answer for a given moment.
/// </summary>
public sealed record ClockReading(
    string Kind,
    TimeSpan Target,
    TimeSpan Elapsed,
    DateTimeOffset StartedAt,
    DateTimeOffset? RunningSince,
    DateTimeOffset? PausedSince,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? WarnAt)
{
    public bool IsStopped => StoppedAt is not null;

    public string StateAt(DateTimeOffset now) =>
        IsStopped ? (Elapsed <= Target ? ClockStates.Met : ClockStates.Breached)
        : DueAt is { } due ? (now >= due ? ClockStates.Breached : ClockStates.Running)
        : Elapsed >= Target ? ClockStates.Breached : ClockStates.Paused;

    /// <summary>Business time left before the target (negative once breached).</summary>
    public TimeSpan LeftAt(DateTimeOffset now, WorkingTime time) =>
        Target - Elapsed - (RunningSince is { } since ? time.Between(since, now) : TimeSpan.Zero);
}

/// <summary>
/// Replays a ticket's facts against its promise and calendar. The same facts always give the same
/// clocks, so clocks kept live and clocks recomputed from the event log agree.
/// </summary>
public static class TicketClocks
{
    public static IReadOnlyList<ClockReading> Replay(IEnumerable<ClockFact> facts, ServicePromise promise, WorkingTime time)
    {
        var clocks = ClockKinds.All.Select(kind => new Clock(kind)).ToArray();
        string? priority = null;
        foreach (var fact in facts.OrderBy(f => f.At))
        {
            if (fact is ClockFact.Opened opened)
            {
                priority = opened.Priority;
            }
            else if (fact is ClockFact.PriorityChanged changed)
            {
                priority = changed.Priority;
            }

            foreach (var clock in clocks)
            {
                clock.Apply(fact, promise, time);
            }
        }

        var target = priority is null ? null : promise.TargetFor(priority);
        return [.. clocks
            .Select(c => (Clock: c, Minutes: c.Kind == ClockKinds.FirstResponse ? target?.FirstResponseMinutes : target?.ResolutionMinutes))
            .Where(c => c.Clock.StartedAt is not null && c.Minutes is > 0)
            .Select(c => c.Clock.Read(TimeSpan.FromMinutes(c.Minutes!.Value), promise.WarnAtPercent, time))];
    }

    private sealed class Clock(string kind)
    {
        public string Kind => kind;

        public DateTimeOffset? StartedAt { get; private set; }

        private TimeSpan _elapsed;
        private DateTimeOffset? _runningSince;
        private DateTimeOffset? _pausedSince;
        private DateTimeOffset? _stoppedAt;

        public void Apply(ClockFact fact, ServicePromise promise, WorkingTime time)
        {
            switch (fact)
            {
                case ClockFact.Opened opened when StartedAt is null:
                    StartedAt = opened.At;
                    _runningSince = opened.At;
                    break;
                case ClockFact.AgentReplied replied when kind == ClockKinds.FirstResponse:
                    Stop(replied.At, time);
                    break;
                case ClockFact.Moved moved:
                    Move(moved, promise, time);
                    break;
            }
        }

        private void Move(ClockFact.Moved moved, ServicePromise promise, WorkingTime time)
        {
            var pauses = moved.To == "waiting-on-requester" || (moved.To == "waiting-on-third-party" && promise.PauseOnThirdParty);
            var stops = moved.To is "resolved" or "closed";
            if (_stoppedAt is not null)
            {
                if (kind == ClockKinds.Resolution && moved.From == "resolved" && !stops)
                {
                    if (promise.OnReopen == ReopenRules.Restart)
                    {
                        _elapsed = TimeSpan.Zero;
                    }

                    _stoppedAt = null;
                    _runningSince = pauses ? null : moved.At;
                    _pausedSince = pauses ? moved.At : null;
                }

                return;
            }

            if (stops)
            {
                Stop(moved.At, time);
            }
            else if (pauses && _runningSince is { } since)
            {
                _elapsed += time.Between(since, moved.At);
                _runningSince = null;
                _pausedSince = moved.At;
            }
            else if (!pauses && _pausedSince is not null)
            {
                _runningSince = moved.At;
                _pausedSince = null;
            }
        }

        private void Stop(DateTimeOffset at, WorkingTime time)
        {
            if (_stoppedAt is not null || StartedAt is null)
            {
                return;
            }

            if (_runningSince is { } since)
            {
                _elapsed += time.Between(since, at);
            }

            _runningSince = null;
            _pausedSince = null;
            _stoppedAt = at;
        }

        public ClockReading Read(TimeSpan target, int warnAtPercent, WorkingTime time)
        {
            DateTimeOffset? due = null, warn = null;
            if (_runningSince is { } since)
            {
                due = time.Add(since, Max(target - _elapsed, TimeSpan.Zero));
                warn = time.Add(since, Max((target * (warnAtPercent / 100.0)) - _elapsed, TimeSpan.Zero));
            }

            return new ClockReading(kind, target, _elapsed, StartedAt!.Value, _runningSince, _pausedSince, _stoppedAt, due, warn);
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
