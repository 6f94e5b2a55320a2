using Rapport.Clocks.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Clocks.Features;
using static Rapport.Tests.Clocks.WorkingTimeTests;

namespace Rapport.Tests.Clocks;

/// <summary>Clocks replayed from a ticket's facts: start, pause, resume, stop, reopen.</summary>
public sealed class TicketClocksTests
{
    private const string Berlin = "Europe/Berlin";

    private static readonly WorkingTime Office = On(OfficeHours(Berlin));

    private static ServicePromise Promise(string onReopen = ReopenRules.Continue, bool pauseOnThirdParty = false) => new()
    {
        Text = "We answer within 2 working hours and solve most problems within a working day.",
        Targets = [new PromiseTarget("medium", 120, 480), new PromiseTarget("high", 60, 240)],
        OnReopen = onReopen,
        PauseOnThirdParty = pauseOnThirdParty,
        WarnAtPercent = 75,
    };

    private static DateTimeOffset Mon(int hour, int minute = 0) => Local(Berlin, 2026, 3, 9, hour, minute);

    private static DateTimeOffset Tue(int hour, int minute = 0) => Local(Berlin, 2026, 3, 10, hour, minute);

    private static ClockReading Clock(IReadOnlyList<ClockReading> clocks, string kind) => clocks.Single(c => c.Kind == kind);

    [Fact]
    public void NewTicket_RunsBothClocks_DueOnBusinessTime()
    {
        var clocks = TicketClocks.Replay([new ClockFact.Opened(Mon(16), "medium")], Promise(), Office);

        var first = Clock(clocks, ClockKinds.FirstResponse);
        var resolution = Clock(clocks, ClockKinds.Resolution);
        Assert.Equal(Tue(10), first.DueAt);
        Assert.Equal(Tue(9, 30), first.WarnAt);
        Assert.Equal(Tue(16), resolution.DueAt);
        Assert.Equal(ClockStates.Running, first.StateAt(Mon(17)));
        Assert.Equal(ClockStates.Breached, first.StateAt(Tue(10)));
        Assert.Equal(TimeSpan.FromMinutes(90), first.LeftAt(Mon(16, 30), Office));
    }

    [Fact]
    public void WaitingOnTheRequester_PausesTheClock_AndTheDueTimeMovesByThePausedBusinessTime()
    {
        var clocks = TicketClocks.Replay(
        [
            new ClockFact.Opened(Mon(9), "medium"),
            new ClockFact.AgentReplied(Mon(9, 30)),
            new ClockFact.Moved(Mon(10), "open", "waiting-on-requester"),
            new ClockFact.Moved(Tue(11), "waiting-on-requester", "open"),
        ], Promise(), Office);

        var resolution = Clock(clocks, ClockKinds.Resolution);
        Assert.Equal(TimeSpan.FromHours(1), resolution.Elapsed);
        Assert.Equal(Local(Berlin, 2026, 3, 11, 10), resolution.DueAt);
        Assert.Equal(TimeSpan.FromHours(9), Office.Between(Mon(10), Tue(11)));
        Assert.Equal(Office.Add(Mon(17), TimeSpan.FromHours(9)), resolution.DueAt);
        Assert.Equal(ClockStates.Met, Clock(clocks, ClockKinds.FirstResponse).StateAt(Tue(12)));
    }

    [Fact]
    public void WhilePaused_ThereIsNoDueTime_AndThirdPartiesPauseOnlyWhenPromised()
    {
        var paused = TicketClocks.Replay([new ClockFact.Opened(Mon(9), "medium"), new ClockFact.Moved(Mon(10), "new", "waiting-on-requester")], Promise(), Office);
        var vendorNotPausing = TicketClocks.Replay([new ClockFact.Opened(Mon(9), "medium"), new ClockFact.Moved(Mon(10), "new", "waiting-on-third-party")], Promise(), Office);
        var vendorPausing = TicketClocks.Replay([new ClockFact.Opened(Mon(9), "medium"), new ClockFact.Moved(Mon(10), "new", "waiting-on-third-party")], Promise(pauseOnThirdParty: true), Office);

        Assert.Null(Clock(paused, ClockKinds.Resolution).DueAt);
        Assert.Equal(ClockStates.Paused, Clock(paused, ClockKinds.Resolution).StateAt(Tue(16)));
        Assert.Equal(Mon(17), Clock(vendorNotPausing, ClockKinds.Resolution).DueAt);
        Assert.Equal(ClockStates.Paused, Clock(vendorPausing, ClockKinds.Resolution).StateAt(Mon(12)));
    }

    [Fact]
    public void Resolution_StopsTheClock_MetOrBreached()
    {
        var inTime = TicketClocks.Replay([new ClockFact.Opened(Mon(9), "medium"), new ClockFact.Moved(Mon(15), "open", "resolved")], Promise(), Office);
        var late = TicketClocks.Replay([new ClockFact.Opened(Mon(9), "medium"), new ClockFact.Moved(Tue(10), "open", "resolved")], Promise(), Office);

        Assert.Equal(ClockStates.Met, Clock(inTime, ClockKinds.Resolution).StateAt(Tue(16)));
        Assert.Equal(ClockStates.Breached, Clock(late, ClockKinds.Resolution).StateAt(Tue(10)));
        Assert.Equal(TimeSpan.FromHours(9), Clock(late, ClockKinds.Resolution).Elapsed);
        Assert.Null(Clock(late, ClockKinds.Resolution).DueAt);
    }

    [Theory]
    [InlineData(ReopenRules.Continue, 14)]
    [InlineData(ReopenRules.Restart, 16)]
    public void Reopen_ContinuesOrRestarts_AsPromised(string rule, int dueHourOnTuesday)
    {
        var clocks = TicketClocks.Replay(
        [
            new ClockFact.Opened(Mon(9), "medium"),
            new ClockFact.Moved(Mon(11), "open", "resolved"),
            new ClockFact.Moved(Tue(8), "resolved", "open"),
        ], Promise(rule), Office);

        var resolution = Clock(clocks, ClockKinds.Resolution);
        Assert.Equal(ClockStates.Running, resolution.StateAt(Tue(9)));
        Assert.Equal(Tue(dueHourOnTuesday).AddHours(1), resolution.DueAt);
    }

    [Fact]
    public void PriorityRaised_TheTargetFollows()
    {
        var clocks = TicketClocks.Replay([new ClockFact.Opened(Mon(9), "medium"), new ClockFact.PriorityChanged(Mon(10), "high")], Promise(), Office);

        Assert.Equal(Mon(13), Clock(clocks, ClockKinds.Resolution).DueAt);
        Assert.Equal(Mon(10), Clock(clocks, ClockKinds.FirstResponse).DueAt);
    }

    [Fact]
    public void PriorityWithoutTarget_HasNoClock()
    {
        Assert.Empty(TicketClocks.Replay([new ClockFact.Opened(Mon(9), "low")], Promise(), Office));
    }

    [Fact]
    public void HolidayFromAnIcsFile_PushesTheDueTime()
    {
        var ics = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Clocks", "Data", "USHolidays.ics"));
        var holidays = HolidayImport.Read(ics, 2026, 2026).Value!;
        var newYork = On(OfficeHours("America/New_York", [.. holidays]));
        var promise = Promise();

        var clocks = TicketClocks.Replay([new ClockFact.Opened(Local("America/New_York", 2026, 11, 25, 16), "medium")], promise, newYork);

        Assert.Contains(new Holiday(new DateOnly(2026, 11, 26), "Thanksgiving"), holidays);
        Assert.Contains(new Holiday(new DateOnly(2026, 5, 25), "Memorial Day"), holidays);
        Assert.Contains(new Holiday(new DateOnly(2026, 7, 4), "Independence Day"), holidays);
        Assert.Equal(Local("America/New_York", 2026, 11, 27, 10), Clock(clocks, ClockKinds.FirstResponse).DueAt);
    }
}
