using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

/// <summary>Links between tickets: made by agents, read naturally from both ends.</summary>
public abstract class TicketLinkTests(RapportApp app) : IAsyncLifetime
{
    private HttpClient _ben = default!;
    private HttpClient _tom = default!;
    private HttpClient _samuel = default!;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        _ben = await app.ApiClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        _tom = await app.ApiClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
        _samuel = await app.ApiClientAsync(await app.DemoAccountAsync("samuel.osei", RapportRoles.Agent));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> LinkAsync(HttpClient client, long from, long to, string kind) =>
        client.PostAsJsonAsync($"/api/v1/tickets/{from}/links", new { ticket = to, kind });

    private async Task<JsonElement> SingleLinkAsync(long id) =>
        Assert.Single((await _tom.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/links")).EnumerateArray());

    [Theory]
    [InlineData("duplicate-of", "duplicate of", "has duplicate")]
    [InlineData("caused-by", "caused by", "caused")]
    [InlineData("related", "related to", "related to")]
    public async Task Link_ShowsOnBothTickets_ReadFromEachEnd(string kind, string fromHere, string fromThere)
    {
        var a = await _ben.OpenTicketAsync("Wi-fi drops in room 2.14");
        var b = await _ben.OpenTicketAsync("Access point in 2nd floor is down");

        var made = await LinkAsync(_tom, a, b, kind);

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var fromA = await SingleLinkAsync(a);
        var fromB = await SingleLinkAsync(b);
        Assert.Equal((fromHere, "outgoing", b), (fromA.GetProperty("label").GetString(), fromA.GetProperty("direction").GetString(), fromA.GetProperty("otherTicketId").GetInt64()));
        Assert.Equal((fromThere, "incoming", a), (fromB.GetProperty("label").GetString(), fromB.GetProperty("direction").GetString(), fromB.GetProperty("otherTicketId").GetInt64()));
        var linked = Assert.Single(await app.TicketEventsAsync(a, "tickets.ticket-linked"));
        Assert.Equal(b, JsonDocument.Parse(linked.Payload).RootElement.GetProperty("otherTicketId").GetInt64());
    }

    [Fact]
    public async Task Link_ToItself_ToAnUnseenOrMissingTicket_Twice_OrWithABadKind_IsRefused()
    {
        var a = await _ben.OpenTicketAsync("Teams keeps crashing");
        var b = await _ben.OpenTicketAsync("Teams crashes on join");
        var finance = await _ben.OpenTicketAsync("Claim 4471 unpaid", service: "expense-question");
        Assert.Equal(HttpStatusCode.Created, (await LinkAsync(_tom, a, b, "related")).StatusCode);

        var itself = await LinkAsync(_tom, a, a, "related");
        var unseen = await LinkAsync(_tom, a, finance, "related");
        var missing = await LinkAsync(_tom, a, 999_999, "related");
        var twice = await LinkAsync(_tom, a, b, "related");
        var reverse = await LinkAsync(_tom, b, a, "duplicate-of");
        var badKind = await LinkAsync(_tom, a, b, "blocks");
        var noTicket = await _tom.PostAsJsonAsync($"/api/v1/tickets/{a}/links", new { kind = "related" });
        var byRequester = await LinkAsync(_ben, a, b, "caused-by");

        Assert.Equal(["ticket"], await itself.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        Assert.Equal($"Ticket {finance} does not exist, or you may not see it.", await unseen.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal($"Ticket {a} is related to #{b} already.", await twice.DetailAsync());
        Assert.Equal(HttpStatusCode.Conflict, reverse.StatusCode);
        Assert.Contains("linked already", await reverse.DetailAsync(), StringComparison.Ordinal);
        Assert.Equal(["kind"], await badKind.ErrorFieldsAsync());
        Assert.Equal(["ticket"], await noTicket.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byRequester.StatusCode);
        Assert.Single(await app.TicketEventsAsync(a, "tickets.ticket-linked"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _ben.GetAsync($"/api/v1/tickets/{a}/links")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _samuel.GetAsync($"/api/v1/tickets/{a}/links")).StatusCode);
    }

    [Fact]
    public async Task Unlink_FromTheOtherEnd_RemovesItFromBoth_AndBumpsThatTicketsVersion()
    {
        var a = await _ben.OpenTicketAsync("Outlook asks for the password");
        var b = await _ben.OpenTicketAsync("Password reset did not sync");
        await LinkAsync(_tom, a, b, "caused-by");
        var linkId = (await SingleLinkAsync(b)).GetProperty("id").GetGuid();
        var version = (await _tom.TicketAsync(b)).GetProperty("version").GetInt32();

        var removed = await _tom.DeleteAsync($"/api/v1/tickets/{b}/links/{linkId}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await _tom.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{a}/links")).EnumerateArray());
        Assert.Empty((await _tom.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{b}/links")).EnumerateArray());
        Assert.Equal(version + 1, (await _tom.TicketAsync(b)).GetProperty("version").GetInt32());
        Assert.Single(await app.TicketEventsAsync(b, "tickets.ticket-unlinked"));
        Assert.Equal(HttpStatusCode.NotFound, (await _tom.DeleteAsync($"/api/v1/tickets/{b}/links/{linkId}")).StatusCode);
    }

    [Fact]
    public async Task OnTheDesk_AnAgentLinksByNumber_BothPagesShowIt_AndTheHistorySaysSo()
    {
        var tom = await app.SignedInClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
        var a = await _ben.OpenTicketAsync("VPN disconnects every hour");
        var b = await _ben.OpenTicketAsync("VPN certificate expired");

        var itself = await (await tom.SubmitFormAsync($"/desk/tickets/{a}", "form:has(#link-ticket)", new() { ["kind"] = "caused-by", ["ticket"] = $"#{a}" })).ParseAsync();
        await tom.SubmitFormAsync($"/desk/tickets/{a}", "form:has(#link-ticket)", new() { ["kind"] = "caused-by", ["ticket"] = $"#{b}" });

        Assert.Equal("A ticket cannot be linked to itself.", itself.QuerySelector("#ticket-error")?.TextContent);
        var pageA = await tom.GetPageAsync($"/desk/tickets/{a}");
        var pageB = await tom.GetPageAsync($"/desk/tickets/{b}");
        Assert.StartsWith($"caused by #{b}", pageA.QuerySelector("#links li span")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith($"caused #{a}", pageB.QuerySelector("#links li span")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(await tom.DeskHistoryAsync(a), l => l.Contains($"linked it: caused by #{b}", StringComparison.Ordinal));

        await tom.SubmitFormAsync($"/desk/tickets/{b}", "form:has(button[name=link])", [], submitName: "link");

        Assert.Null((await tom.GetPageAsync($"/desk/tickets/{a}")).QuerySelector("#links li"));
        Assert.Contains(await tom.DeskHistoryAsync(b), l => l.Contains($"removed the link “#{a} caused by #{b}”", StringComparison.Ordinal));
    }
}

public sealed class TicketLinkTests_Sqlite(SqliteApp app) : TicketLinkTests(app), IClassFixture<SqliteApp>;

public sealed class TicketLinkTests_Postgres(PostgresApp app) : TicketLinkTests(app), IClassFixture<PostgresApp>;
