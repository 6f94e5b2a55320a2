using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

/// <summary>Tags: one spelling each, a filter for the queues, the agents' own filing.</summary>
public abstract class TicketTagTests(RapportApp app) : IAsyncLifetime
{
    private HttpClient _ben = default!;
    private HttpClient _tom = default!;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        _ben = await app.ApiClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        _tom = await app.ApiClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> TagAsync(long id, string tag) =>
        _tom.PostAsJsonAsync($"/api/v1/tickets/{id}/tags", new { tag });

    private static IEnumerable<string?> TagsOf(JsonElement ticket) =>
        ticket.GetProperty("tags").EnumerateArray().Select(t => t.GetString());

    [Fact]
    public async Task Tags_AreStoredInOneSpelling_AndFilterTheList()
    {
        var tagged = await _ben.OpenTicketAsync("VPN drops at home");
        var other = await _ben.OpenTicketAsync("Mouse is broken");

        var added = await TagAsync(tagged, "  Remote Access ");
        await TagAsync(tagged, "#VPN");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("remote-access", (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tag").GetString());
        Assert.Equal(["remote-access", "vpn"], TagsOf(await _tom.TicketAsync(tagged)));
        Assert.Equal([tagged], await _tom.ListedAsync("&tag=VPN"));
        var listed = await _tom.GetFromJsonAsync<JsonElement>("/api/v1/tickets?size=100");
        Assert.Equal(["remote-access", "vpn"], TagsOf(listed.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == tagged)));
        Assert.Contains(other, await _tom.ListedAsync());
        Assert.DoesNotContain(other, await _tom.ListedAsync("&tag=vpn"));
        Assert.Equal(["tag"], await (await _tom.GetAsync("/api/v1/tickets?tag=vpn%2Fwifi")).ErrorFieldsAsync());
        Assert.Equal(2, (await app.TicketEventsAsync(tagged, "tickets.tag-added")).Count);
    }

    [Fact]
    public async Task Tags_AreForAgents_TheRequesterNeitherSeesNorSetsThem()
    {
        var id = await _ben.OpenTicketAsync("Laptop bag strap broke");
        await TagAsync(id, "hardware");

        Assert.Empty(TagsOf(await _ben.TicketAsync(id)));
        Assert.Empty(await _ben.ListedAsync("&tag=hardware"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _ben.PostAsJsonAsync($"/api/v1/tickets/{id}/tags", new { tag = "urgent" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _ben.GetAsync($"/api/v1/tickets/{id}/tags")).StatusCode);
        var history = await _ben.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/events");
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "tickets.tag-added");
    }

    [Fact]
    public async Task BadTags_TwiceTheSame_TooMany_OrRemovingAMissingOne_AreRefusedClearly()
    {
        var id = await _ben.OpenTicketAsync("Everything is slow");
        await TagAsync(id, "slow");

        var badCharacter = await TagAsync(id, "slow/fast");
        var tooLong = await TagAsync(id, new string('a', 41));
        var twice = await TagAsync(id, "SLOW");
        var missing = await _tom.DeleteAsync($"/api/v1/tickets/{id}/tags/fast");
        for (var i = 2; i <= 20; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await TagAsync(id, $"tag-{i}")).StatusCode);
        }

        var oneTooMany = await TagAsync(id, "tag-21");

        Assert.Equal(["tag"], await badCharacter.ErrorFieldsAsync());
        Assert.Contains("letters, digits and dashes", await badCharacter.DetailAsync(), StringComparison.Ordinal);
        Assert.Equal(["tag"], await tooLong.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal($"Ticket {id} has the tag “slow” already.", await twice.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(["tag"], await oneTooMany.ErrorFieldsAsync());
        Assert.Equal(20, TagsOf(await _tom.TicketAsync(id)).Count());
    }

    [Fact]
    public async Task Tagging_BumpsTheVersion_SoAFormFromBeforeIsAConflict()
    {
        var id = await _ben.OpenTicketAsync("Screen goes black");
        var version = (await _tom.TicketAsync(id)).GetProperty("version").GetInt32();

        await TagAsync(id, "screen");
        var stale = await _tom.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state = "waiting-on-requester", version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(version + 1, (await _tom.TicketAsync(id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task OnTheDesk_AnAgentAddsAndRemovesTags_AndTheHistorySaysSo()
    {
        var tom = await app.SignedInClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
        var id = await _ben.OpenTicketAsync("New starter needs a laptop");

        var bad = await (await tom.SubmitFormAsync($"/desk/tickets/{id}", "form:has(#tag)", new() { ["tag"] = "new starter!" })).ParseAsync();
        var added = await (await tom.SubmitFormAsync($"/desk/tickets/{id}", "form:has(#tag)", new() { ["tag"] = "New Starter" })).ParseAsync();

        Assert.Contains("letters, digits and dashes", bad.QuerySelector("#tag-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("new starter!", bad.QuerySelector<IHtmlInputElement>("#tag")?.Value);
        Assert.Equal("Tag added.", added.QuerySelector("#tags-message")?.TextContent);
        Assert.Equal(["new-starter"], added.QuerySelectorAll("#tags .badge.tag").Select(b => b.TextContent));

        var removed = await (await tom.SubmitFormAsync($"/desk/tickets/{id}", "form:has(button[name=tag])", [], submitName: "tag")).ParseAsync();

        Assert.Empty(removed.QuerySelectorAll("#tags .badge.tag"));
        var history = await tom.DeskHistoryAsync(id);
        Assert.Contains(history, l => l.Contains("tagged it “new-starter”", StringComparison.Ordinal));
        Assert.Contains(history, l => l.Contains("removed the tag “new-starter”", StringComparison.Ordinal));
    }
}

public sealed class TicketTagTests_Sqlite(SqliteApp app) : TicketTagTests(app), IClassFixture<SqliteApp>;

public sealed class TicketTagTests_Postgres(PostgresApp app) : TicketTagTests(app), IClassFixture<PostgresApp>;
