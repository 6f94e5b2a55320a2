using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Domain;

namespace Rapport.Tests.Tickets;

/// <summary>Merging a duplicate into the ticket where the work goes on.</summary>
public abstract class TicketMergeTests(RapportApp app) : IAsyncLifetime
{
    private HttpClient _ben = default!;
    private HttpClient _julia = default!;
    private HttpClient _tom = default!;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        _ben = await app.ApiClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        _julia = await app.ApiClientAsync(await app.DemoAccountAsync("julia.weber", RapportRoles.Requester));
        _tom = await app.ApiClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> MergeAsync(HttpClient client, long id, long? into, int? version = null) =>
        client.PostAsJsonAsync($"/api/v1/tickets/{id}/merge", new { into, version });

    [Fact]
    public async Task Merge_ClosesTheDuplicate_TellsItsRequester_AndLetsThemFollowTheTarget()
    {
        var target = await _ben.OpenTicketAsync("Nobody on floor 3 can print");
        var duplicate = await _julia.OpenTicketAsync("Printer on floor 3 is offline");
        await _tom.CommentAsync(duplicate, "Looking into it.");
        Assert.Equal(HttpStatusCode.NotFound, (await _julia.GetAsync($"/api/v1/tickets/{target}")).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(5));

        var merged = await MergeAsync(_tom, duplicate, target);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var ticket = await merged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((TicketStates.Closed, target), (ticket.GetProperty("state").GetString(), ticket.GetProperty("mergedIntoId").GetInt64()));
        var note = (await _julia.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{duplicate}/comments")).EnumerateArray().Last();
        Assert.Contains($"The work continues in #{target}", note.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _julia.GetAsync($"/api/v1/tickets/{target}")).StatusCode);
        Assert.Contains(target, await _julia.ListedAsync());
        var watchers = await _tom.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{target}/watchers");
        Assert.Equal("Julia Weber", Assert.Single(watchers.EnumerateArray()).GetProperty("name").GetString());
        var forAgent = await _tom.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{target}/comments");
        var internalNote = Assert.Single(forAgent.EnumerateArray(), c => c.GetProperty("internal").GetBoolean());
        Assert.StartsWith($"#{duplicate} “Printer on floor 3 is offline” merged into this", internalNote.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Empty((await _julia.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{target}/comments")).EnumerateArray());
        Assert.Empty((await _ben.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{target}/comments")).EnumerateArray());
        var link = Assert.Single((await _tom.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{target}/links")).EnumerateArray());
        Assert.Equal(("has duplicate", duplicate), (link.GetProperty("label").GetString(), link.GetProperty("otherTicketId").GetInt64()));

        Assert.Single(await app.TicketEventsAsync(duplicate, "tickets.ticket-merged"));
        Assert.Empty(await app.TicketEventsAsync(target, "tickets.ticket-merged"));
        var closing = Assert.Single(await app.TicketEventsAsync(duplicate, "tickets.state-changed"), e => e.Payload.Contains("\"to\":\"closed\"", StringComparison.Ordinal));
        Assert.Contains($"Merged into #{target}.", closing.Payload, StringComparison.Ordinal);
        Assert.Single(await app.TicketEventsAsync(target, "tickets.watcher-added"));
    }

    [Fact]
    public async Task Merge_IntoItself_IntoAClosedOrMergedTicket_Twice_OrAcrossDepartments_IsRefused_AndChangesNothing()
    {
        var a = await _ben.OpenTicketAsync("Calendar invites vanish");
        var b = await _ben.OpenTicketAsync("Invites disappear from Outlook");
        var c = await _ben.OpenTicketAsync("Meeting requests lost");
        var closed = await _ben.OpenTicketAsync("Old request");
        var finance = await _ben.OpenTicketAsync("Claim 4471 unpaid", service: "expense-question");
        await _tom.PostAsJsonAsync($"/api/v1/tickets/{closed}/state", new { state = "closed" });
        Assert.Equal(HttpStatusCode.OK, (await MergeAsync(_tom, b, c)).StatusCode);

        Assert.Equal(["into"], await (await MergeAsync(_tom, a, a)).ErrorFieldsAsync());
        Assert.Equal(["into"], await (await MergeAsync(_tom, a, null)).ErrorFieldsAsync());
        var intoClosed = await MergeAsync(_tom, a, closed);
        var intoMerged = await MergeAsync(_tom, a, b);
        var twice = await MergeAsync(_tom, b, a);
        var otherDepartment = await MergeAsync(_tom, a, finance);
        var byRequester = await MergeAsync(_ben, a, c);
        await _tom.CommentAsync(a, "Checking whether these are the same.");
        var staleAfterReply = await MergeAsync(_tom, a, c, version: 0);

        Assert.Equal(HttpStatusCode.Conflict, intoClosed.StatusCode);
        Assert.Contains("is closed", await intoClosed.DetailAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, intoMerged.StatusCode);
        Assert.Contains($"merge into #{c} instead", await intoMerged.DetailAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal($"Ticket {b} was merged into #{c} already.", await twice.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, otherDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byRequester.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleAfterReply.StatusCode);
        Assert.Contains("changed by someone else", await staleAfterReply.DetailAsync(), StringComparison.Ordinal);
        var untouched = await _tom.TicketAsync(a);
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("mergedIntoId").ValueKind);
        Assert.NotEqual(TicketStates.Closed, untouched.GetProperty("state").GetString());
        Assert.Single(await app.QueryAsync(db => db.Set<Ticket>().Where(t => t.MergedIntoId != null && (t.Id == a || t.Id == b)).Select(t => t.Id).ToListAsync()));
    }

    [Fact]
    public async Task OnThePages_TheMergedRequestSaysWhereTheWorkContinues_WithALink()
    {
        var tom = await app.SignedInClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
        var julia = await app.SignedInClientAsync(await app.DemoAccountAsync("julia.weber", RapportRoles.Requester));
        var target = await _ben.OpenTicketAsync("Laptop fan is loud");
        var duplicate = await _julia.OpenTicketAsync("Laptop noisy");

        var refused = await (await tom.SubmitFormAsync($"/desk/tickets/{duplicate}", "form#merge", new() { ["into"] = $"{duplicate}" })).ParseAsync();
        var merged = await tom.SubmitFormAsync($"/desk/tickets/{duplicate}", "form#merge", new() { ["into"] = $"#{target}" });

        Assert.Equal("A ticket cannot be merged into itself.", refused.QuerySelector("#into-error")?.TextContent);
        var deskPage = await merged.ParseAsync();
        Assert.Equal($"/desk/tickets/{target}", deskPage.QuerySelector("#merged-notice a")?.GetAttribute("href"));
        Assert.Null(deskPage.QuerySelector("form#merge"));
        Assert.Contains(await tom.DeskHistoryAsync(duplicate), l => l.Contains($"merged it into #{target} as a duplicate", StringComparison.Ordinal));
        var portalPage = await julia.GetPageAsync($"/portal/requests/{duplicate}");
        Assert.Equal($"/portal/requests/{target}", portalPage.QuerySelector("#merged-notice a")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await julia.GetAsync($"/portal/requests/{target}")).StatusCode);
        Assert.Contains($"#{duplicate}", (await tom.GetPageAsync($"/desk/tickets/{target}")).QuerySelector(".entry.internal")?.TextContent, StringComparison.Ordinal);
    }
}

public sealed class TicketMergeTests_Sqlite(SqliteApp app) : TicketMergeTests(app), IClassFixture<SqliteApp>;

public sealed class TicketMergeTests_Postgres(PostgresApp app) : TicketMergeTests(app), IClassFixture<PostgresApp>;
