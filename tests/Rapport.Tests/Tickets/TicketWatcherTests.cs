using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Domain;

namespace Rapport.Tests.Tickets;

/// <summary>Watchers: who they are chosen by, and what they see.</summary>
public abstract class TicketWatcherTests(RapportApp app) : IAsyncLifetime
{
    private const string Julia = "julia.weber@demo.rapport.example";

    private HttpClient _ben = default!;
    private HttpClient _julia = default!;
    private HttpClient _marcus = default!;
    private HttpClient _tom = default!;
    private HttpClient _grace = default!;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        _ben = await app.ApiClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        _julia = await app.ApiClientAsync(await app.DemoAccountAsync("julia.weber", RapportRoles.Requester));
        _marcus = await app.ApiClientAsync(await app.DemoAccountAsync("marcus.johnson", RapportRoles.Requester));
        _tom = await app.ApiClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
        _grace = await app.ApiClientAsync(await app.DemoAccountAsync("grace.kim", RapportRoles.Agent));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> TicketWithANoteAsync(string subject)
    {
        var id = await _ben.OpenTicketAsync(subject);
        await _tom.CommentAsync(id, "We are on it.");
        await _tom.CommentAsync(id, "Probably the proxy again.", isInternal: true);
        return id;
    }

    [Fact]
    public async Task ColleagueAddedByTheRequester_SeesTheTicketAndItsReplies_NeverItsInternalNotes()
    {
        var id = await TicketWithANoteAsync("Shared drive is read-only");
        var versionBefore = (await _ben.TicketAsync(id)).GetProperty("version").GetInt32();

        var added = await _ben.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = Julia });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("Julia Weber", (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Equal(versionBefore + 1, (await _ben.TicketAsync(id)).GetProperty("version").GetInt32());
        Assert.Single(await app.TicketEventsAsync(id, "tickets.watcher-added"));
        Assert.Equal(HttpStatusCode.OK, (await _julia.GetAsync($"/api/v1/tickets/{id}")).StatusCode);
        var comments = await _julia.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/comments");
        Assert.Equal("We are on it.", Assert.Single(comments.EnumerateArray()).GetProperty("body").GetString());
        var history = await _julia.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/events");
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "tickets.internal-note-added");
        Assert.Contains(id, await _julia.ListedAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _marcus.GetAsync($"/api/v1/tickets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _marcus.GetAsync($"/api/v1/tickets/{id}/watchers")).StatusCode);
        Assert.DoesNotContain(id, await _marcus.ListedAsync());
    }

    [Fact]
    public async Task WatchingAgentOfAnotherDepartment_SeesTheTicket_ButNotItsInternalNotes()
    {
        var id = await TicketWithANoteAsync("Payroll app does not open");
        Assert.Equal(HttpStatusCode.NotFound, (await _grace.GetAsync($"/api/v1/tickets/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await _tom.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = "grace.kim@demo.rapport.example" })).StatusCode);

        var comments = await _grace.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/comments");
        Assert.DoesNotContain(comments.EnumerateArray(), c => c.GetProperty("internal").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await _grace.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "x", @internal = true })).StatusCode);
    }

    [Fact]
    public async Task Watcher_CannotChooseOtherWatchers_NorDecideTheRequestIsSolved()
    {
        var id = await _ben.OpenTicketAsync("Monitor flickers");
        await _ben.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = Julia });
        Assert.Equal(HttpStatusCode.OK, (await _tom.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state = "resolved", note = "New cable." })).StatusCode);

        var addOther = await _julia.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = "marcus.johnson@demo.rapport.example" });
        var close = await _julia.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state = "closed" });

        Assert.Equal(HttpStatusCode.Forbidden, addOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal(TicketStates.Resolved, (await _ben.TicketAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task UnknownPersonOrTheRequesterThemselves_IsRefusedClearly()
    {
        var id = await _ben.OpenTicketAsync("Keyboard missing keys");

        var unknown = await _tom.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = "nobody@example.org" });
        var requester = await _tom.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = "ben.carter@demo.rapport.example" });
        await _tom.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = Julia });
        var twice = await _tom.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = Julia });

        Assert.Equal(["email"], await unknown.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, requester.StatusCode);
        Assert.Contains("raised ticket", await requester.DetailAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal($"Julia Weber watches ticket {id} already.", await twice.DetailAsync());
        Assert.Single(await app.TicketEventsAsync(id, "tickets.watcher-added"));
    }

    [Fact]
    public async Task Watcher_RemovedByTheAgent_NoLongerSeesTheTicket()
    {
        var id = await _ben.OpenTicketAsync("Webcam is blurry");
        await _tom.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = Julia });
        var watchers = await _ben.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/watchers");
        var juliaId = Assert.Single(watchers.EnumerateArray()).GetProperty("personId").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await _tom.DeleteAsync($"/api/v1/tickets/{id}/watchers/{juliaId}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await _julia.GetAsync($"/api/v1/tickets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _tom.DeleteAsync($"/api/v1/tickets/{id}/watchers/{juliaId}")).StatusCode);
        Assert.Single(await app.TicketEventsAsync(id, "tickets.watcher-removed"));
    }

    [Fact]
    public async Task OnThePortal_TheRequesterAddsAColleague_WhoFindsItAmongTheirRequests_MarkedWatching()
    {
        var ben = await app.SignedInClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        var julia = await app.SignedInClientAsync(await app.DemoAccountAsync("julia.weber", RapportRoles.Requester));
        var id = await TicketWithANoteAsync("Printer jams on every page");

        var added = await ben.SubmitFormAsync($"/portal/requests/{id}", "form:has(#watcher-email)", new() { ["email"] = Julia });

        var benPage = await added.ParseAsync();
        Assert.Equal("Watcher added.", benPage.QuerySelector("#watchers-message")?.TextContent);
        Assert.Contains("Julia Weber", benPage.QuerySelector("#watchers ul")?.TextContent, StringComparison.Ordinal);
        var list = await julia.GetPageAsync("/portal/requests");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/portal/requests/{id}']") is not null);
        Assert.Equal("watching", row.QuerySelector(".badge.watching")?.TextContent);
        var juliaPage = await julia.GetPageAsync($"/portal/requests/{id}");
        Assert.Contains("We are on it.", juliaPage.QuerySelector(".conversation")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("proxy", juliaPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(juliaPage.QuerySelector("#watcher-email"));
        var other = await app.SignedInClientAsync(await app.DemoAccountAsync("marcus.johnson", RapportRoles.Requester));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/portal/requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task OnThePortal_AWatcherStopsWatching_AndLosesSightOfTheRequest()
    {
        var julia = await app.SignedInClientAsync(await app.DemoAccountAsync("julia.weber", RapportRoles.Requester));
        var id = await _ben.OpenTicketAsync("Phone does not ring");
        await _ben.PostAsJsonAsync($"/api/v1/tickets/{id}/watchers", new { email = Julia });

        var response = await julia.SubmitFormAsync($"/portal/requests/{id}", "form:has(button:contains('Stop watching'))", []);

        Assert.Equal("/portal/requests", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("You no longer watch", (await response.ParseAsync()).QuerySelector(".flash")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await julia.GetAsync($"/portal/requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task OnTheDesk_AnAgentAddsAndRemovesWatchers_AndWatchesItThemselves_AllInTheHistory()
    {
        var tom = await app.SignedInClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
        var id = await _ben.OpenTicketAsync("Docking station is dead");

        var bad = await (await tom.SubmitFormAsync($"/desk/tickets/{id}", "form:has(#watcher-email)", new() { ["email"] = "nobody@example.org" })).ParseAsync();
        Assert.Contains("Nobody in the organisation", bad.QuerySelector("#email-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("nobody@example.org", bad.QuerySelector<IHtmlInputElement>("#watcher-email")?.Value);
        await tom.SubmitFormAsync($"/desk/tickets/{id}", "form:has(#watcher-email)", new() { ["email"] = Julia });
        await tom.SubmitFormAsync($"/desk/tickets/{id}", "form:has(button:contains('Watch'))", []);
        var page = await tom.GetPageAsync($"/desk/tickets/{id}");
        Assert.Equal(["Julia Weber", "Tom Becker (you)"], page.QuerySelectorAll("#watchers li span").Select(s => s.TextContent));
        var juliaId = page.QuerySelector("#watchers button[name=person]")!.GetAttribute("value")!;

        await tom.SubmitFormAsync($"/desk/tickets/{id}", "form:has(button[name=person])", new() { ["person"] = juliaId });
        await tom.SubmitFormAsync($"/desk/tickets/{id}", "form:has(button:contains('Stop watching'))", []);

        var history = await tom.DeskHistoryAsync(id);
        Assert.Contains(history, l => l.Contains("added Julia Weber as a watcher", StringComparison.Ordinal));
        Assert.Contains(history, l => l.Contains("added Tom Becker as a watcher", StringComparison.Ordinal));
        Assert.Contains(history, l => l.Contains("removed Julia Weber from the watchers", StringComparison.Ordinal));
        Assert.Contains(history, l => l.Contains("removed Tom Becker from the watchers", StringComparison.Ordinal));
        Assert.Equal(0, await app.QueryAsync(db => db.Set<TicketWatcher>().CountAsync(w => w.TicketId == id)));
    }
}

public sealed class TicketWatcherTests_Sqlite(SqliteApp app) : TicketWatcherTests(app), IClassFixture<SqliteApp>;

public sealed class TicketWatcherTests_Postgres(PostgresApp app) : TicketWatcherTests(app), IClassFixture<PostgresApp>;
