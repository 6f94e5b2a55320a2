using Rapport.Clocks.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Catalog.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Clocks.Jobs;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Tickets;
using Rapport.Tickets.Domain;
using static Rapport.Tests.Clocks.WorkingTimeTests;

namespace Rapport.Tests.Clocks;

/// <summary>Promise clocks on real tickets: kept live from the event log, paused, escalated once.</summary>
public abstract class ClockIntegrationTests(RapportApp app) : TicketApiScenario(app)
{
    private const string Berlin = "Europe/Berlin";

    private static readonly WorkingTime Office = On(OfficeHours(Berlin));

    /// <summary>The IT question service promises, on Berlin office hours, an answer in 2 hours and a solution in 8.</summary>
    private async Task GivenAPromiseAsync(params string[] escalations)
    {
        var service = await App.ScopeAsync(sp => sp.GetRequiredService<ICatalog>().FindServiceByKeyAsync("it-question", CancellationToken.None));
        await App.QueryAsync(async db =>
        {
            if (await db.Set<ServicePromise>().SingleOrDefaultAsync(p => p.ServiceId == service!.Id) is { } existing)
            {
                existing.Escalations = [.. escalations];
                return await db.SaveChangesAsync();
            }

            var calendar = OfficeHours(Berlin);
            var stamped = new BusinessCalendar { Id = Guid.NewGuid(), Name = calendar.Name, TimeZone = calendar.TimeZone, Hours = calendar.Hours };
            db.Add(stamped);
            db.Add(new ServicePromise
            {
                Id = Guid.NewGuid(),
                ServiceId = service!.Id,
                Text = "We answer within 2 working hours and solve it within a working day.",
                CalendarId = stamped.Id,
                Targets = [.. TicketPriorities.All.Select(p => new PromiseTarget(p, 120, 480))],
                Escalations = [.. escalations],
            });
            return await db.SaveChangesAsync();
        });
    }

    private async Task<JsonElement> TicketAsync(long id) => await Agent.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}");

    private static DateTimeOffset? Due(JsonElement ticket, string clock) =>
        ticket.GetProperty("clocks").GetProperty(clock) is { ValueKind: JsonValueKind.Object } c && c.GetProperty("dueAt").ValueKind != JsonValueKind.Null
            ? c.GetProperty("dueAt").GetDateTimeOffset()
            : null;

    private static string State(JsonElement ticket, string clock) => ticket.GetProperty("clocks").GetProperty(clock).GetProperty("state").GetString()!;

    private void At(DateTimeOffset instant)
    {
        Assert.True(instant >= App.Time.GetUtcNow(), "Time only moves forward.");
        App.Time.SetUtcNow(instant.ToUniversalTime());
    }

    /// <summary>Tests share the app and its clock, which only moves forward: each test takes the next week of its own.</summary>
    private Week NextWeek()
    {
        var today = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime);
        return new Week(today.AddDays(7 + (((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7)));
    }

    /// <summary>A week in Berlin; day 0 is its Monday.</summary>
    private sealed record Week(DateOnly Monday)
    {
        public DateTimeOffset At(int day, int hour, int minute = 0)
        {
            var date = Monday.AddDays(day);
            return Local(Berlin, date.Year, date.Month, date.Day, hour, minute);
        }
    }

    [Fact]
    public async Task WaitingOnTheRequester_MovesTheDueTime_ByExactlyThePausedBusinessTime()
    {
        await GivenAPromiseAsync();
        var week = NextWeek();
        At(week.At(0, 9));
        var id = (await OpenAsync(Requester, "VPN drops every hour")).GetProperty("id").GetInt64();
        await App.DrainEventsAsync();

        var open = await TicketAsync(id);
        var dueBefore = Due(open, "resolution")!.Value;
        Assert.Equal(week.At(0, 17), dueBefore);
        Assert.Equal("running", State(open, "resolution"));
        Assert.Equal(480, open.GetProperty("clocks").GetProperty("resolution").GetProperty("businessMinutesLeft").GetInt32());

        At(week.At(0, 10));
        var asked = await Agent.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state = "waiting-on-requester" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        await App.DrainEventsAsync();
        var waiting = await TicketAsync(id);
        Assert.Equal("paused", State(waiting, "resolution"));
        Assert.Null(Due(waiting, "resolution"));

        At(week.At(1, 11));
        var answered = await Requester.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "It happens on the office Wi-Fi only.", @internal = false });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        await App.DrainEventsAsync();

        var resumed = await TicketAsync(id);
        var paused = Office.Between(week.At(0, 10), week.At(1, 11));
        Assert.Equal(TimeSpan.FromHours(9), paused);
        Assert.Equal(Office.Add(dueBefore, paused), Due(resumed, "resolution"));
        Assert.Equal(week.At(2, 10), Due(resumed, "resolution"));
        Assert.Equal("running", State(resumed, "resolution"));
        var kept = await App.QueryAsync(db => db.Set<Ticket>().SingleAsync(t => t.Id == id));
        Assert.Equal(Due(resumed, "firstResponse"), kept.DueAt);
        Assert.Equal(week.At(1, 12), kept.DueAt);
    }

    [Fact]
    public async Task AgentReply_MeetsTheFirstResponsePromise()
    {
        await GivenAPromiseAsync();
        var week = NextWeek();
        At(week.At(0, 9));
        var id = (await OpenAsync(Requester, "Printer jams")).GetProperty("id").GetInt64();
        At(week.At(0, 9, 40));
        await Agent.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "Which printer is it?", @internal = false });
        await App.DrainEventsAsync();

        var ticket = await TicketAsync(id);
        Assert.Equal("met", State(ticket, "firstResponse"));
        Assert.Null(Due(ticket, "firstResponse"));
        Assert.Equal(80, ticket.GetProperty("clocks").GetProperty("firstResponse").GetProperty("businessMinutesLeft").GetInt32());
    }

    [Fact]
    public async Task DueFirst_ListsRunningClocksByDueTime_ThenTheRest_WithoutGapsOrRepeats()
    {
        await GivenAPromiseAsync();
        var week = NextWeek();
        At(week.At(0, 9));
        var promised = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            At(week.At(0, 9, i * 5));
            promised.Add((await OpenAsync(Requester, $"Promised {i}")).GetProperty("id").GetInt64());
        }

        var broken = (await ServiceAsync("something-broken")).GetProperty("id").GetGuid();
        var opened = await Requester.PostAsJsonAsync("/api/v1/tickets", new { serviceId = broken, subject = "Dock is dead", fields = new Dictionary<string, string> { ["device"] = "the dock" } });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var unpromised = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await App.DrainEventsAsync();

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await Agent.GetFromJsonAsync<JsonElement>($"/api/v1/tickets?sort=due&size=2&state=active{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        var mine = seen.Where(id => promised.Contains(id) || id == unpromised).ToList();
        Assert.Equal([.. promised, unpromised], mine);
        var firstUndue = seen.IndexOf(unpromised);
        var dues = await App.QueryAsync(db => db.Set<Ticket>().Where(t => seen.Contains(t.Id)).Select(t => new { t.Id, t.DueAt }).ToListAsync());
        Assert.All(seen.Take(firstUndue), id => Assert.NotNull(dues.Single(d => d.Id == id).DueAt));
    }

    [Fact]
    public async Task DeskTicketPage_ShowsHowThePromiseStands_InBusinessTime()
    {
        await GivenAPromiseAsync();
        var week = NextWeek();
        At(week.At(0, 9));
        var id = (await OpenAsync(Requester, "Monitor flickers")).GetProperty("id").GetInt64();
        await App.DrainEventsAsync();
        At(week.At(0, 9, 50));
        var agent = await App.SignedInClientAsync(await App.DemoAccountAsync("tom.becker", Rapport.Platform.RapportRoles.Agent));

        var page = await agent.GetPageAsync($"/desk/tickets/{id}");
        var queue = await agent.GetPageAsync("/desk/queues/all?sort=due");

        var promise = page.QuerySelector(".promise-clocks")!.TextContent;
        Assert.Contains("First response", promise, StringComparison.Ordinal);
        Assert.Contains("due in 1 h 10 min", promise, StringComparison.Ordinal);
        Assert.Contains("due in 7 h 10 min", promise, StringComparison.Ordinal);
        var row = queue.QuerySelector($"tr[data-ticket='{id}']");
        Assert.Equal("due in 1 h 10 min", row?.QuerySelector(".due")?.TextContent);
    }

    [Fact]
    public async Task Breach_FiresOnce_EvenWhenTwoNodesWatch_AndRaisesThePriority()
    {
        await GivenAPromiseAsync(EscalationActions.NotifyTeamLead, EscalationActions.RaisePriority);
        var week = NextWeek();
        At(week.At(0, 9));
        var id = (await OpenAsync(Requester, "Shared drive is read-only")).GetProperty("id").GetInt64();
        await App.DrainEventsAsync();
        var priorityBefore = (await TicketAsync(id)).GetProperty("priority").GetString();
        var team = (await App.ScopeAsync(sp => sp.GetRequiredService<Rapport.Organisation.Contracts.IOrganisationDirectory>().ListTeamsAsync(CancellationToken.None)))
            .Single(t => t.Key == "it-service-desk");
        var assigned = await Agent.PutAsJsonAsync($"/api/v1/tickets/{id}/assignment", new { teamId = team.Id });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        await App.DrainEventsAsync();
        var second = App.StartNode();

        At(week.At(1, 9, 30));
        async Task<int> WatchAsync(IServiceProvider node)
        {
            await using var scope = node.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WatchClocks>().RunOnceAsync(1_000, CancellationToken.None);
        }

        await Task.WhenAll(WatchAsync(App.Services), WatchAsync(second.Services), WatchAsync(App.Services), WatchAsync(second.Services));
        await App.DrainEventsAsync();
        await WatchAsync(App.Services);
        await App.DrainEventsAsync();

        var caseId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var breaches = (await App.EventsAsync("clocks.clock-breached")).Where(e => e.CaseId == caseId).ToList();
        var warnings = (await App.EventsAsync("clocks.clock-at-risk")).Where(e => e.CaseId == caseId).ToList();
        Assert.Equal(2, breaches.Count);
        Assert.Equal(["first-response", "resolution"], breaches.Select(b => JsonDocument.Parse(b.Payload).RootElement.GetProperty("kind").GetString()).Order());
        Assert.Equal(2, warnings.Count);
        var raised = (await App.EventsAsync("tickets.priority-changed")).Where(e => e.CaseId == caseId).ToList();
        Assert.Equal(2, raised.Count);
        var ticket = await TicketAsync(id);
        Assert.Equal("breached", State(ticket, "resolution"));
        Assert.NotEqual(priorityBefore, ticket.GetProperty("priority").GetString());
        var lead = await App.SignedInClientAsync(await App.DemoAccountAsync("priya.natarajan", Rapport.Platform.RapportRoles.TeamLead));
        var desk = await lead.GetPageAsync("/desk");
        Assert.Contains(desk.QuerySelectorAll("#desk-promises li a"), a => a.GetAttribute("href") == $"/desk/tickets/{id}");
    }
}

public sealed class ClockIntegrationTests_Sqlite(SqliteApp app) : ClockIntegrationTests(app), IClassFixture<SqliteApp>;

public sealed class ClockIntegrationTests_Postgres(PostgresApp app) : ClockIntegrationTests(app), IClassFixture<PostgresApp>;
