using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Domain;

namespace Rapport.Tests.Tickets;

/// <summary>The portal and the desk as people use them: pages and their forms.</summary>
public abstract class TicketPageTests(RapportApp app) : IAsyncLifetime
{
    private HttpClient _requester = default!;
    private HttpClient _agent = default!;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        _requester = await app.SignedInClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        _agent = await app.SignedInClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> RequestLaptopAsync(string subject)
    {
        var response = await _requester.SubmitFormAsync("/portal/new/new-laptop", "form.request-form", new()
        {
            ["subject"] = subject,
            ["description"] = "Mine is five years old.",
            ["answers.for-whom"] = "ben.carter@demo.rapport.example",
            ["answers.model"] = "Ultralight 13\"",
            ["answers.needed-by"] = "2026-04-01",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return long.Parse(response.RequestMessage!.RequestUri!.Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task RequestForm_MissingRequiredAnswer_ShowsTheErrorAndKeepsWhatWasTyped()
    {
        var response = await _requester.SubmitFormAsync("/portal/new/new-laptop", "form.request-form", new()
        {
            ["subject"] = "Laptop for me",
            ["answers.for-whom"] = "ben.carter@demo.rapport.example",
            ["answers.needed-by"] = "2026-04-01",
        });

        var page = await response.ParseAsync();
        Assert.Equal("/portal/new/new-laptop", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(page.QuerySelector("#form-errors[role=alert]"));
        Assert.Equal("Which model? is required.", page.QuerySelector("[id='answers.model-error']")?.TextContent);
        Assert.Equal("Laptop for me", page.QuerySelector<IHtmlInputElement>("#subject")?.Value);
        Assert.Equal("2026-04-01", page.QuerySelector<IHtmlInputElement>("#field-needed-by")?.Value);
    }

    [Fact]
    public async Task RequestForm_Corrected_OpensTheTicketAndShowsItToTheRequester()
    {
        var id = await RequestLaptopAsync("A lighter laptop");

        var page = await _requester.GetPageAsync($"/portal/requests/{id}");
        Assert.Equal("A lighter laptop", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Received", page.QuerySelector(".badge")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ultralight 13\"", page.QuerySelector(".answers")?.TextContent, StringComparison.Ordinal);
        var list = await _requester.GetPageAsync("/portal/requests");
        Assert.Contains(list.QuerySelectorAll("td a"), a => a.GetAttribute("href") == $"/portal/requests/{id}");
    }

    [Fact]
    public async Task AgentReplyAndInternalNote_RequesterSeesTheReplyOnly()
    {
        var id = await RequestLaptopAsync("Laptop please");

        await _agent.SubmitFormAsync($"/desk/tickets/{id}", "form#reply", new() { ["kind"] = "public", ["body"] = "We will bring it on Thursday." });
        await _agent.SubmitFormAsync($"/desk/tickets/{id}", "form#reply", new() { ["kind"] = "internal", ["body"] = "Check the budget code first." });

        var agentPage = await _agent.GetPageAsync($"/desk/tickets/{id}");
        Assert.Contains("Check the budget code first.", agentPage.QuerySelector(".entry.internal")?.TextContent, StringComparison.Ordinal);
        var requesterPage = await _requester.GetPageAsync($"/portal/requests/{id}");
        Assert.Contains("We will bring it on Thursday.", requesterPage.QuerySelector(".conversation")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("budget code", requesterPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("We are working on it", requesterPage.QuerySelector(".badge")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_WithoutNote_ShowsWhy_AndTheTicketStaysOpen()
    {
        var id = await RequestLaptopAsync("Resolve me");

        var response = await _agent.SubmitFormAsync($"/desk/tickets/{id}", "form:has(#state)", new() { ["state"] = "resolved", ["note"] = "" });

        var page = await response.ParseAsync();
        Assert.Contains("Say how it was resolved", page.QuerySelector("#note-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(TicketStates.New, await app.QueryAsync(db => db.Set<Ticket>().Where(t => t.Id == id).Select(t => t.State).SingleAsync()));
    }

    [Fact]
    public async Task StateForm_FromAStalePage_ShowsTheConflict_AndKeepsTheOtherChange()
    {
        var id = await RequestLaptopAsync("Two agents");
        var stale = await _agent.GetPageAsync($"/desk/tickets/{id}");
        var staleForm = stale.QuerySelector<IHtmlFormElement>("form:has(#state)")!;
        await _agent.SubmitFormAsync($"/desk/tickets/{id}", "form:has(#state)", new() { ["state"] = "waiting-on-requester" });

        var response = await HtmlForms.SubmitAsync(_agent, staleForm, new() { ["state"] = "resolved", ["note"] = "Done" });

        var page = await response.ParseAsync();
        Assert.Contains("changed by someone else", page.QuerySelector("#ticket-message")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(TicketStates.WaitingOnRequester, await app.QueryAsync(db => db.Set<Ticket>().Where(t => t.Id == id).Select(t => t.State).SingleAsync()));
    }

    [Fact]
    public async Task AnotherRequester_GetsNotFound_OnTheRequestPage()
    {
        var id = await RequestLaptopAsync("Private");
        var other = await app.SignedInClientAsync(await app.DemoAccountAsync("julia.weber", RapportRoles.Requester));

        var response = await other.GetAsync($"/portal/requests/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Private", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentOfAnotherDepartment_GetsNotFound_OnTheDeskTicket()
    {
        var id = await RequestLaptopAsync("IT only");
        var hr = await app.SignedInClientAsync(await app.DemoAccountAsync("grace.kim", RapportRoles.Agent));

        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/desk/tickets/{id}")).StatusCode);
    }

    [Fact]
    public async Task QueueCsv_HasTheQueuesTickets_WithFormulasDefused_AndOnlyForAgents()
    {
        var id = await RequestLaptopAsync("=HYPERLINK(\"http://evil.example\")");

        var response = await _agent.GetAsync("/desk/queues/all.csv?state=all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("number,subject,", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.StartsWith($"{id},", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", row, StringComparison.Ordinal);
        var requesterCsv = await _requester.GetAsync("/desk/queues/all.csv");
        Assert.NotEqual("text/csv", requesterCsv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Requester_CannotOpenTheDesk()
    {
        var response = await _requester.GetAsync("/desk/queues/all");

        Assert.Equal("/denied", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TeamQueue_ListsTheDepartmentsNewTicketAfterAssignment()
    {
        var id = await RequestLaptopAsync("Queue me");
        var unassigned = await _agent.GetPageAsync("/desk/queues/unassigned");
        Assert.Contains(unassigned.QuerySelectorAll("td a"), a => a.GetAttribute("href") == $"/desk/tickets/{id}");

        var ticketPage = await _agent.GetPageAsync($"/desk/tickets/{id}");
        var team = ticketPage.QuerySelectorAll<IHtmlOptionElement>("#team option").Single(o => o.Text == "Service Desk").Value;
        await _agent.SubmitFormAsync($"/desk/tickets/{id}", "form:has(#team)", new() { ["team"] = team, ["assignee"] = "" });

        var teamQueue = await _agent.GetPageAsync("/desk/queues/team");
        Assert.Contains(teamQueue.QuerySelectorAll("td a"), a => a.GetAttribute("href") == $"/desk/tickets/{id}");
    }
}

public sealed class TicketPageTests_Sqlite(SqliteApp app) : TicketPageTests(app), IClassFixture<SqliteApp>;

public sealed class TicketPageTests_Postgres(PostgresApp app) : TicketPageTests(app), IClassFixture<PostgresApp>;
