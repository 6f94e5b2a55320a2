using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

/// <summary>The API's core contract: other tools rely on it.</summary>
public abstract class TicketApiTests(RapportApp app) : TicketApiScenario(app)
{
    [Fact]
    public async Task Services_ListsTheCatalogWithIdsAndForms()
    {
        var laptop = await ServiceAsync("new-laptop");

        Assert.NotEqual(Guid.Empty, laptop.GetProperty("id").GetGuid());
        Assert.Contains(laptop.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "model");
    }

    [Fact]
    public async Task Open_Answers201_WithTheTicketAndItsLocation()
    {
        var id = (await ServiceAsync("it-question")).GetProperty("id").GetGuid();

        var response = await Requester.PostAsJsonAsync("/api/v1/tickets", new { serviceId = id, subject = "How do I share a calendar?", description = "With my assistant.", type = "question" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/tickets/{ticket.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        Assert.Equal("new", ticket.GetProperty("state").GetString());
        Assert.Equal("How do I share a calendar?", ticket.GetProperty("subject").GetString());
        Assert.Contains(await App.EventsAsync("tickets.ticket-opened"), e => e.CaseId == ticket.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Open_WithBadInput_Is400NamingEachField_AndStoresNothing()
    {
        var laptop = (await ServiceAsync("new-laptop")).GetProperty("id").GetGuid();
        var before = (await App.EventsAsync("tickets.ticket-opened")).Count;

        var response = await Requester.PostAsJsonAsync("/api/v1/tickets", new
        {
            serviceId = laptop, subject = "", type = "wish", urgency = "yesterday",
            fields = new Dictionary<string, string> { ["model"] = "Golden", ["needed-by"] = "soon" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "subject", "type", "urgency", "answers.model", "answers.needed-by", "answers.for-whom" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(before, (await App.EventsAsync("tickets.ticket-opened")).Count);
    }

    [Fact]
    public async Task Open_PriorityComesFromImpactAndUrgency()
    {
        var id = (await ServiceAsync("it-question")).GetProperty("id").GetGuid();

        var response = await Requester.PostAsJsonAsync("/api/v1/tickets", new { serviceId = id, subject = "Whole floor offline", impact = "high", urgency = "high" });

        Assert.Equal("critical", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("priority").GetString());
    }

    [Fact]
    public async Task AnotherRequester_Gets404_OnTheTicketAndItsComments()
    {
        var ticket = await OpenAsync(Requester);
        var id = ticket.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await OtherRequester.GetAsync($"/api/v1/tickets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OtherRequester.GetAsync($"/api/v1/tickets/{id}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OtherRequester.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "Me too" })).StatusCode);
        var list = await OtherRequester.GetFromJsonAsync<JsonElement>("/api/v1/tickets");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task AgentOfAnotherDepartment_Gets404()
    {
        var id = (await OpenAsync(Requester)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await HrAgent.GetAsync($"/api/v1/tickets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Agent.GetAsync($"/api/v1/tickets/{id}")).StatusCode);
    }

    [Fact]
    public async Task InternalNote_IsSeenByAgents_NeverByTheRequester()
    {
        var id = (await OpenAsync(Requester)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Created, (await Agent.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "Looking at it now.", @internal = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Agent.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "Same as last week, *driver*.", @internal = true })).StatusCode);

        var forAgent = await Agent.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/comments");
        var forRequester = await Requester.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/comments");
        Assert.Equal(2, forAgent.GetArrayLength());
        Assert.Equal("Looking at it now.", Assert.Single(forRequester.EnumerateArray()).GetProperty("body").GetString());
        var history = await Requester.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/events");
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "tickets.internal-note-added");
    }

    [Fact]
    public async Task Requester_CannotWriteAnInternalNote()
    {
        var id = (await OpenAsync(Requester)).GetProperty("id").GetInt64();

        var response = await Requester.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "secret", @internal = true });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Comment_Markdown_IsRenderedAndSanitised()
    {
        var id = (await OpenAsync(Requester)).GetProperty("id").GetInt64();

        await Requester.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "**Bold** <script>alert(1)</script> [x](javascript:alert(2))" });

        var html = (await Requester.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/comments"))[0].GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<strong>Bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StaleVersion_Is409_AndChangesNothing()
    {
        var ticket = await OpenAsync(Requester);
        var id = ticket.GetProperty("id").GetInt64();
        var version = ticket.GetProperty("version").GetInt32();

        var first = await Agent.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state = "waiting-on-requester", version });
        var second = await Agent.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state = "resolved", note = "Fixed", version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("changed by someone else", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("waiting-on-requester", (await Agent.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Lifecycle_ThroughTheApi_ResolveNeedsANote_RequesterReplyReopens()
    {
        var id = (await OpenAsync(Requester)).GetProperty("id").GetInt64();

        var noNote = await Agent.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state = "resolved" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.True((await noNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));

        Assert.Equal(HttpStatusCode.OK, (await Agent.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state = "resolved", note = "Cleaned the rollers." })).StatusCode);
        await Requester.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "Still blank pages, sorry." });

        var ticket = await Requester.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}");
        Assert.Equal("open", ticket.GetProperty("state").GetString());
        var moves = (await Agent.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/events")).EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "tickets.state-changed")
            .Select(e => e.GetProperty("payload").GetProperty("to").GetString());
        Assert.Equal(["resolved", "open"], moves);
    }

    [Fact]
    public async Task Requester_CannotMoveTheirTicketExceptReopenOrClose()
    {
        var id = (await OpenAsync(Requester)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await Requester.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state = "resolved", note = "I fixed it myself" })).StatusCode);
    }

    [Fact]
    public async Task Assign_ToATeamOfTheDepartmentAndOneOfItsPeople()
    {
        var id = (await OpenAsync(Requester)).GetProperty("id").GetInt64();
        var me = await Agent.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var teams = await App.ScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Rapport.Organisation.Contracts.IOrganisationDirectory>(sp).ListTeamsAsync(CancellationToken.None));
        var desk = teams.Single(t => t.Key == "it-service-desk");
        var payroll = teams.Single(t => t.Key == "hr-payroll");
        var tom = await App.ScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Rapport.Organisation.Contracts.IOrganisationDirectory>(sp).FindPersonByAccountAsync(me.GetProperty("id").GetGuid(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, (await Agent.PutAsJsonAsync($"/api/v1/tickets/{id}/assignment", new { teamId = payroll.Id })).StatusCode);
        var assigned = await Agent.PutAsJsonAsync($"/api/v1/tickets/{id}/assignment", new { teamId = desk.Id, assigneeId = tom!.Id });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var ticket = await assigned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(tom.Id, ticket.GetProperty("assigneeId").GetGuid());
        var mine = await Agent.GetFromJsonAsync<JsonElement>("/api/v1/tickets?queue=mine");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task List_CursorPaging_ReturnsEveryTicketExactlyOnce()
    {
        var opened = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            opened.Add((await OpenAsync(OtherRequester, $"Paging {i}")).GetProperty("id").GetInt64());
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await OtherRequester.GetFromJsonAsync<JsonElement>($"/api/v1/tickets?size=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Superset(opened.ToHashSet(), seen.ToHashSet());
        Assert.Equal(seen.OrderByDescending(x => x), seen);
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        var response = await App.AnonymousClient(followRedirects: false).GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Mention_OfAColleague_IsShownByName_AndRecordedForAgentsOnly()
    {
        var ticket = await OpenAsync(Requester, "Shared mailbox missing");
        var id = ticket.GetProperty("id").GetInt64();

        var note = await Agent.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new
        {
            body = "@priya.natarajan can you check the licence? Mail ben@example.org if not, and @nobody.here too.",
            @internal = true,
        });

        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        var comments = await Agent.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/comments");
        var html = comments.EnumerateArray().Last().GetProperty("bodyHtml").GetString();
        Assert.Contains("<strong>@Priya Natarajan</strong>", html, StringComparison.Ordinal);
        Assert.Contains("@nobody.here", html, StringComparison.Ordinal);
        var caseId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mentions = (await App.EventsAsync("tickets.colleague-mentioned")).Where(e => e.CaseId == caseId).ToList();
        var mentioned = Assert.Single(mentions);
        Assert.Contains("\"internal\":true", mentioned.Payload, StringComparison.Ordinal);
        var asRequester = await Requester.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/events");
        Assert.DoesNotContain(asRequester.EnumerateArray(), e => e.GetProperty("type").GetString() == "tickets.colleague-mentioned");
    }
}

public sealed class TicketApiTests_Sqlite(SqliteApp app) : TicketApiTests(app), IClassFixture<SqliteApp>;

public sealed class TicketApiTests_Postgres(PostgresApp app) : TicketApiTests(app), IClassFixture<PostgresApp>;
