using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Domain;

namespace Rapport.Tests.Tickets;

/// <summary>Ticking tickets in a queue and assigning, resolving or closing them at once.</summary>
public abstract class BulkActionTests(RapportApp app) : DeskQueueTests(app)
{
    /// <summary>Ticks <paramref name="ids"/> on the page and sends its bulk form with <paramref name="values"/>.</summary>
    private async Task<IDocument> ApplyAsync(IDocument page, IEnumerable<long> ids, Dictionary<string, string> values)
    {
        foreach (var id in ids)
        {
            page.QuerySelector<IHtmlInputElement>($"#select-{id}")!.IsChecked = true;
        }

        return await (await Agent.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form#bulk")!, values)).ParseAsync();
    }

    private static string Message(IDocument page) => page.QuerySelector("#queue-message")?.TextContent.Trim() ?? "(no message)";

    private static int CountEvents(List<Rapport.Platform.Events.EventLogEntry> events, long id) =>
        events.Count(e => e.CaseId == id.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task Assign_AssignsEachTicketWithItsOwnEvent_AndExplainsTheOneSkipped()
    {
        var run = NewRun();
        var first = await OpenAsync($"First {run}");
        var second = await OpenAsync($"Second {run}");
        var already = await OpenAsync($"Already Tom's {run}");
        await AssignAsync(already, ServiceDesk.Id, Tom.Id);
        var before = await App.EventsAsync("tickets.ticket-assigned");

        var page = await ApplyAsync(await Agent.GetPageAsync($"/desk/queues/all?q={run}"), [first, second, already],
            new() { ["action"] = "assign", ["assignTo"] = $"{ServiceDesk.Id}/{Tom.Id}" });

        Assert.StartsWith("2 assigned, 1 skipped:", Message(page), StringComparison.Ordinal);
        var skipped = Assert.Single(page.QuerySelectorAll("#queue-message li"));
        Assert.Equal($"#{already}: Ticket {already} is assigned so already.", skipped.TextContent.Trim());
        Assert.Equal($"/desk/tickets/{already}", skipped.QuerySelector("a")!.GetAttribute("href"));
        foreach (var ticket in await TicketsAsync([first, second]))
        {
            Assert.Equal(Tom.Id, ticket.AssigneeId);
            Assert.Equal(ServiceDesk.Id, ticket.TeamId);
        }

        var after = await App.EventsAsync("tickets.ticket-assigned");
        Assert.Equal(CountEvents(before, first) + 1, CountEvents(after, first));
        Assert.Equal(CountEvents(before, second) + 1, CountEvents(after, second));
        Assert.Equal(CountEvents(before, already), CountEvents(after, already));
        Assert.Contains($"q={run}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_ClosesWhatMayBeClosed_AndSaysWhyTheOpenOneWasNot()
    {
        var run = NewRun();
        var fresh = await OpenAsync($"New {run}");
        var resolved = await OpenAsync($"Resolved {run}");
        var open = await OpenAsync($"Open {run}");
        await MoveAsync(resolved, "resolved", "Fixed.");
        await ReplyAsync(open);

        var page = await ApplyAsync(await Agent.GetPageAsync($"/desk/queues/all?state=all&q={run}"), [fresh, resolved, open], new() { ["action"] = "close" });

        Assert.StartsWith("2 closed, 1 skipped:", Message(page), StringComparison.Ordinal);
        Assert.Contains($"#{open}: Ticket {open} cannot go from open to closed.", Message(page), StringComparison.Ordinal);
        Assert.Equal(TicketStates.Closed, (await TicketAsync(fresh)).State);
        Assert.Equal(TicketStates.Closed, (await TicketAsync(resolved)).State);
        Assert.Equal(TicketStates.Open, (await TicketAsync(open)).State);
        var closings = (await App.EventsAsync("tickets.state-changed")).Where(e => e.Payload.Contains("\"to\":\"closed\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(1, CountEvents(closings, fresh));
        Assert.Equal(1, CountEvents(closings, resolved));
    }

    [Fact]
    public async Task Resolve_WithoutANote_ChangesNothing_AndKeepsTheSelection()
    {
        var run = NewRun();
        var first = await OpenAsync($"First {run}");
        var second = await OpenAsync($"Second {run}");
        var untouched = await OpenAsync($"Not ticked {run}");

        var page = await ApplyAsync(await Agent.GetPageAsync($"/desk/queues/all?q={run}"), [first, second], new() { ["action"] = "resolve", ["note"] = " " });

        Assert.Contains("Say how they were resolved", page.QuerySelector("#note-error")!.TextContent, StringComparison.Ordinal);
        Assert.All(await TicketsAsync([first, second]), t => Assert.Equal(TicketStates.New, t.State));
        Assert.True(page.QuerySelector<IHtmlInputElement>($"#select-{first}")!.IsChecked);
        Assert.True(page.QuerySelector<IHtmlInputElement>($"#select-{second}")!.IsChecked);
        Assert.False(page.QuerySelector<IHtmlInputElement>($"#select-{untouched}")!.IsChecked);
    }

    [Fact]
    public async Task Resolve_WithANote_ResolvesEachTicketWithThatNote()
    {
        var run = NewRun();
        var first = await OpenAsync($"First {run}");
        var second = await OpenAsync($"Second {run}");

        var page = await ApplyAsync(await Agent.GetPageAsync($"/desk/queues/all?q={run}"), [first, second],
            new() { ["action"] = "resolve", ["note"] = "The outage is over; it works again." });

        Assert.Equal("2 resolved.", Message(page));
        Assert.All(await TicketsAsync([first, second]), t =>
        {
            Assert.Equal(TicketStates.Resolved, t.State);
            Assert.Equal("The outage is over; it works again.", t.ResolutionNote);
        });
        Assert.Empty(Rows(page));
    }

    [Fact]
    public async Task TicketChangedSinceThePageWasDrawn_IsSkipped_NotOverwritten()
    {
        var run = NewRun();
        var calm = await OpenAsync($"Calm {run}");
        var busy = await OpenAsync($"Busy {run}");
        var page = await Agent.GetPageAsync($"/desk/queues/all?q={run}");
        await AssignAsync(busy, ServiceDesk.Id, Aisha.Id);

        var result = await ApplyAsync(page, [calm, busy], new() { ["action"] = "assign", ["assignTo"] = $"{ServiceDesk.Id}/{Tom.Id}" });

        Assert.StartsWith("1 assigned, 1 skipped:", Message(result), StringComparison.Ordinal);
        Assert.Contains($"#{busy}: Ticket {busy} was changed by someone else", Message(result), StringComparison.Ordinal);
        Assert.Equal(Aisha.Id, (await TicketAsync(busy)).AssigneeId);
        Assert.Equal(Tom.Id, (await TicketAsync(calm)).AssigneeId);
    }

    [Fact]
    public async Task Assign_ToATeamOfAnotherDepartment_SkipsEachTicketWithTheReason()
    {
        var run = NewRun();
        var ticket = await OpenAsync($"IT ticket {run}");

        var page = await ApplyAsync(await Agent.GetPageAsync($"/desk/queues/all?q={run}"), [ticket], new() { ["action"] = "assign", ["assignTo"] = Payroll.Id.ToString() });

        Assert.StartsWith("0 assigned, 1 skipped:", Message(page), StringComparison.Ordinal);
        Assert.Contains("Choose a team of the ticket's department.", Message(page), StringComparison.Ordinal);
        Assert.Null((await TicketAsync(ticket)).TeamId);
    }

    [Fact]
    public async Task NothingTicked_SaysSo()
    {
        var page = await ApplyAsync(await Agent.GetPageAsync("/desk/queues/team"), [], new() { ["action"] = "close" });

        Assert.Contains("Select at least one ticket", page.QuerySelector("#tickets-error")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class BulkActionTests_Sqlite(SqliteApp app) : BulkActionTests(app), IClassFixture<SqliteApp>;

public sealed class BulkActionTests_Postgres(PostgresApp app) : BulkActionTests(app), IClassFixture<PostgresApp>;
