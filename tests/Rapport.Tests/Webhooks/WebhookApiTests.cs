using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Webhooks.Domain;

namespace Rapport.Tests.Webhooks;

/// <summary>The webhook API: administrators only, clear problems, no lost edits.</summary>
public abstract class WebhookApiTests(RapportApp app)
{
    private const string Url = "http://127.0.0.1:9/hooks/api-tests";
    private static readonly string[] EveryEvent = ["*"];
    private static readonly string[] OpenedAndAll = ["tickets.ticket-opened", "*"];
    private static readonly string[] NoSuchEvent = ["tickets.ticket-exploded"];
    private static readonly string[] Replies = ["tickets.reply-added"];

    [Fact]
    public async Task Add_Answers201_WithTheSecretOnce_NeverAgain_AndStoresItProtected()
    {
        var admin = await app.AdminApiAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "  Chat  ", url = Url, eventTypes = OpenedAndAll });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = added.GetProperty("id").GetGuid();
        var secret = added.GetProperty("secret").GetString()!;
        Assert.Equal($"/api/v1/webhooks/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);
        Assert.Equal("Chat", added.GetProperty("name").GetString());
        Assert.Equal(["*", "tickets.ticket-opened"], added.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.True(added.GetProperty("isActive").GetBoolean());

        var one = await admin.GetStringAsync($"/api/v1/webhooks/{id}");
        var all = await admin.GetStringAsync("/api/v1/webhooks");
        Assert.DoesNotContain(secret, one, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", one, StringComparison.OrdinalIgnoreCase);
        var stored = await app.QueryAsync(db => db.Set<WebhookSubscription>().SingleAsync(w => w.Id == id));
        Assert.DoesNotContain(secret, stored.ProtectedSecret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithBadInput_Is400NamingEachField_AndStoresNothing()
    {
        var admin = await app.AdminApiAsync();
        var before = await app.QueryAsync(db => db.Set<WebhookSubscription>().CountAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = " ", url = "ftp://example.com/hook", eventTypes = NoSuchEvent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("name", errors.GetProperty("name")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://", errors.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("tickets.ticket-exploded", errors.GetProperty("eventTypes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.Set<WebhookSubscription>().CountAsync()));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("https://user:password@example.com/hook")]
    public async Task Add_WithAnUnusableUrl_Is400NamingTheUrl(string url)
    {
        var admin = await app.AdminApiAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "Bad", url, eventTypes = EveryEvent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Add_WithoutEvents_Is400NamingTheEvents()
    {
        var admin = await app.AdminApiAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "Quiet", url = Url, eventTypes = Array.Empty<string>() });

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("at least one event", errors.GetProperty("eventTypes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_WithTheVersionRead_Saves_AndAStaleVersionIs409AndChangesNothing()
    {
        var admin = await app.AdminApiAsync();
        var webhook = await admin.AddWebhookAsync(Url, "*");

        var first = await admin.PutAsJsonAsync($"/api/v1/webhooks/{webhook.Id}", new { name = "Renamed", url = Url, eventTypes = Replies, version = webhook.Version });
        var second = await admin.PutAsJsonAsync($"/api/v1/webhooks/{webhook.Id}", new { name = "Mine", url = Url + "/other", eventTypes = EveryEvent, version = webhook.Version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(webhook.Version + 1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("concurrent-edit", problem.GetProperty("code").GetString());
        Assert.Contains("changed by someone else", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{webhook.Id}");
        Assert.Equal("Renamed", stored.GetProperty("name").GetString());
        Assert.Equal(Url, stored.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Edit_WithoutVersion_Is400NamingTheVersion()
    {
        var admin = await app.AdminApiAsync();
        var webhook = await admin.AddWebhookAsync(Url, "*");

        var response = await admin.PutAsJsonAsync($"/api/v1/webhooks/{webhook.Id}", new { name = "Renamed", url = Url, eventTypes = EveryEvent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task UnknownWebhook_Is404ProblemDetails()
    {
        var admin = await app.AdminApiAsync();
        var id = Guid.NewGuid();

        foreach (var response in new[]
        {
            await admin.GetAsync($"/api/v1/webhooks/{id}"),
            await admin.DeleteAsync($"/api/v1/webhooks/{id}"),
            await admin.GetAsync($"/api/v1/webhooks/{id}/deliveries"),
            await admin.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { name = "X", url = Url, eventTypes = EveryEvent, version = 1 }),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData(RapportRoles.Agent)]
    [InlineData(RapportRoles.TeamLead)]
    [InlineData(RapportRoles.Requester)]
    public async Task NotAnAdministrator_Gets403_AndSeesNoWebhook(string role)
    {
        var admin = await app.AdminApiAsync();
        var webhook = await admin.AddWebhookAsync(Url, "*");
        var other = await app.ApiClientAsync(await app.CreateAccountAsync(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/webhooks/{webhook.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/webhooks/{webhook.Id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/webhooks", new { name = "Mine", url = Url, eventTypes = EveryEvent })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"/api/v1/webhooks/{webhook.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/webhooks/{webhook.Id}")).StatusCode);
    }

    [Fact]
    public async Task WithoutToken_Is401_AndACookieDoesNotOpenIt()
    {
        var admin = await app.CreateAccountAsync(RapportRoles.Administrator);
        var browser = await app.SignedInClientAsync(admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient(followRedirects: false).GetAsync("/api/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/webhooks")).StatusCode);
    }

    [Fact]
    public async Task EventTypes_ListEveryEventAndAll_AndTheOnesSentOnlyWhenNamed()
    {
        var admin = await app.AdminApiAsync();

        var types = await admin.GetFromJsonAsync<JsonElement>("/api/v1/webhooks/event-types");

        var names = types.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal("*", names[0]);
        Assert.Contains("tickets.ticket-opened", names);
        Assert.Contains("accounts.account-created", names);
        Assert.DoesNotContain("tests.something-happened", names);
        Assert.Equal(["tickets.internal-note-added"], types.GetProperty("namedOnly").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Deliveries_ComeNewestFirst_APageAtATime_AndFilterByStatus()
    {
        var admin = await app.AdminApiAsync();
        await app.DrainAllEventsAsync();
        var webhook = await admin.AddWebhookAsync(Url, "*");
        for (var i = 0; i < 3; i++)
        {
            await app.CreateAccountAsync(RapportRoles.Requester);
            await app.DrainAllEventsAsync();
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var all = await app.DeliveriesOfAsync(webhook.Id);
        var paged = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{webhook.Id}/deliveries?size=2&cursor={cursor}");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            paged.AddRange(items);
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.True(all.Count >= 3);
        Assert.Equal(all.Select(d => d.Id).Order(), paged.Select(d => d.GetProperty("id").GetGuid()).Order());
        var times = paged.Select(d => d.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.True(times[0] > times[^1]);

        var delivered = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{webhook.Id}/deliveries?status=delivered");
        Assert.Empty(delivered.GetProperty("items").EnumerateArray());
        var bad = await admin.GetAsync($"/api/v1/webhooks/{webhook.Id}/deliveries?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));
    }
}

public sealed class WebhookApiTests_Sqlite(WebhookSqliteApp app) : WebhookApiTests(app), IClassFixture<WebhookSqliteApp>;

public sealed class WebhookApiTests_Postgres(WebhookPostgresApp app) : WebhookApiTests(app), IClassFixture<WebhookPostgresApp>;
