using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Webhooks.Domain;

namespace Rapport.Tests.Webhooks;

/// <summary>The admin pages: add with a secret shown once, edit without losing anyone's change, the delivery log.</summary>
public abstract class WebhookPageTests(RapportApp app)
{
    private const string Url = "http://127.0.0.1:9/hooks/page-tests";

    private async Task<HttpClient> AdminAsync() => await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator));

    private async Task<WebhookSubscription> StoredAsync(Guid id) =>
        await app.QueryAsync(db => db.Set<WebhookSubscription>().AsNoTracking().SingleAsync(w => w.Id == id));

    [Fact]
    public async Task AddWebhook_ShowsTheSecretOnce_AndListsTheWebhook()
    {
        var admin = await AdminAsync();
        var name = $"Chat {Guid.NewGuid().ToString("N")[..6]}";

        var response = await admin.SubmitFormAsync("/admin/webhooks", "#add-webhook", new()
        {
            ["name"] = name,
            ["url"] = Url,
            ["eventTypes"] = "tickets.ticket-opened",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var page = await response.ParseAsync();
        var secret = page.QuerySelector("#signing-secret")?.TextContent;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal("status", page.QuerySelector(".secret")?.GetAttribute("role"));
        var row = page.QuerySelectorAll("#webhooks tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains("tickets.ticket-opened", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", row.TextContent, StringComparison.Ordinal);

        var again = await admin.GetStringAsync("/admin/webhooks");
        Assert.DoesNotContain(secret!, again, StringComparison.Ordinal);
        var id = Guid.Parse(row.GetAttribute("data-id")!);
        Assert.DoesNotContain(secret!, await admin.GetStringAsync($"/admin/webhooks/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWebhook_WithBadInput_ShowsEachProblemNextToItsField_AndKeepsWhatWasTyped()
    {
        var admin = await AdminAsync();
        var before = await app.QueryAsync(db => db.Set<WebhookSubscription>().CountAsync());

        var response = await admin.SubmitFormAsync("/admin/webhooks", "#add-webhook", new() { ["name"] = "", ["url"] = "example.com/hook" });

        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector("#add-errors[role=alert]"));
        Assert.Contains("name", page.QuerySelector("#add-name-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("https://", page.QuerySelector("#add-url-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least one event", page.QuerySelector("#add-types-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("example.com/hook", page.QuerySelector<IHtmlInputElement>("#add-url")?.Value);
        Assert.Null(page.QuerySelector("#signing-secret"));
        Assert.Equal(before, await app.QueryAsync(db => db.Set<WebhookSubscription>().CountAsync()));
    }

    [Fact]
    public async Task EventChoices_SayInternalNotesAreNeverSentThroughEveryEvent()
    {
        var admin = await AdminAsync();

        var page = await admin.GetPageAsync("/admin/webhooks");

        Assert.Contains("never with “Every event”", page.QuerySelector("#add-types-hint")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#add-type-tickets-internal-note-added"));
        Assert.NotNull(page.QuerySelector("#add-type-all[value='*']"));
    }

    [Fact]
    public async Task EditWebhook_AfterSomeoneElseSaved_ShowsTheirVersion_KeepsYours_AndSavesOnlyWhenAskedAgain()
    {
        var api = await app.AdminApiAsync();
        var webhook = await api.AddWebhookAsync(Url, "*");
        var mine = await AdminAsync();
        var theirs = await AdminAsync();
        var myForm = (await mine.GetPageAsync($"/admin/webhooks/{webhook.Id}")).QuerySelector<IHtmlFormElement>("#edit-webhook")!;

        var saved = await theirs.SubmitFormAsync($"/admin/webhooks/{webhook.Id}", "#edit-webhook", new() { ["name"] = "Their name" });
        Assert.Contains("Your changes are saved", (await saved.ParseAsync()).QuerySelector("#done")?.TextContent, StringComparison.Ordinal);

        var conflict = await mine.SubmitAsync(myForm, new() { ["name"] = "My name" });

        var page = await conflict.ParseAsync();
        var notice = page.QuerySelector("#conflict");
        Assert.Equal("alert", notice?.GetAttribute("role"));
        Assert.Contains("Their name", notice?.TextContent, StringComparison.Ordinal);
        Assert.Equal("My name", page.QuerySelector<IHtmlInputElement>("#edit-name")?.Value);
        Assert.Equal("Their name", (await StoredAsync(webhook.Id)).Name);

        var again = await mine.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#edit-webhook")!, []);
        Assert.Contains("Your changes are saved", (await again.ParseAsync()).QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("My name", (await StoredAsync(webhook.Id)).Name);
    }

    [Fact]
    public async Task PauseResumeRotateAndDelete_FromTheWebhookPage()
    {
        var api = await app.AdminApiAsync();
        var webhook = await api.AddWebhookAsync(Url, "*");
        var admin = await AdminAsync();
        var path = $"/admin/webhooks/{webhook.Id}";

        var paused = await (await admin.SubmitFormAsync(path, "#pause-webhook", [])).ParseAsync();
        Assert.Contains("paused", paused.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.False((await StoredAsync(webhook.Id)).IsActive);
        var resumed = await (await admin.SubmitFormAsync(path, "#pause-webhook", [])).ParseAsync();
        Assert.Contains("active again", resumed.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.True((await StoredAsync(webhook.Id)).IsActive);

        var before = (await StoredAsync(webhook.Id)).ProtectedSecret;
        var rotated = await (await admin.SubmitFormAsync(path, "#rotate-secret", [])).ParseAsync();
        var secret = rotated.QuerySelector("#signing-secret")?.TextContent;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.NotEqual(webhook.Secret, secret);
        Assert.NotEqual(before, (await StoredAsync(webhook.Id)).ProtectedSecret);

        var confirm = await admin.GetPageAsync(path + "?delete=confirm");
        Assert.Contains("Delete", confirm.QuerySelector("#confirm-delete h2")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await app.QueryAsync(db => db.Set<WebhookSubscription>().FindAsync(webhook.Id).AsTask()));
        var deleted = await admin.SubmitFormAsync(path + "?delete=confirm", "#delete-webhook", []);
        Assert.Equal("/admin/webhooks", deleted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("deleted", (await deleted.ParseAsync()).QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.QueryAsync(db => db.Set<WebhookSubscription>().FindAsync(webhook.Id).AsTask()));
    }

    [Fact]
    public async Task DeliveryLog_ShowsTheFailure_AndRetryNowSendsItAtOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerNext(500);
        var api = await app.AdminApiAsync();
        await app.DrainAllEventsAsync();
        var webhook = await api.AddWebhookAsync(receiver.Url, "accounts.account-created");
        await app.CreateAccountAsync(RapportRoles.Requester);
        await app.DrainAllEventsAsync();
        await app.SendWebhooksAsync();
        var admin = await AdminAsync();

        var page = await admin.GetPageAsync($"/admin/webhooks/{webhook.Id}");

        var row = Assert.Single(page.QuerySelectorAll("#delivery-log tbody tr"));
        Assert.Contains("accounts.account-created", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("failed", row.QuerySelector("[data-status]")?.GetAttribute("data-status"));
        Assert.Equal("1", row.QuerySelector(".attempts")?.TextContent.Trim());
        Assert.Contains("HTTP 500", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("next try in 30 s", row.TextContent, StringComparison.Ordinal);

        var retried = await admin.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!, []);
        Assert.Contains("goes out again", (await retried.ParseAsync()).QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        await app.SendWebhooksAsync();

        var after = await admin.GetPageAsync($"/admin/webhooks/{webhook.Id}");
        var delivered = Assert.Single(after.QuerySelectorAll("#delivery-log tbody tr"));
        Assert.Equal("delivered", delivered.QuerySelector("[data-status]")?.GetAttribute("data-status"));
        Assert.Equal("2", delivered.QuerySelector(".attempts")?.TextContent.Trim());
        Assert.Null(delivered.QuerySelector("form"));
        Assert.Equal(2, receiver.Received.Count);
    }

    [Fact]
    public async Task AdminHome_HasAWebhooksCard()
    {
        var admin = await AdminAsync();

        var page = await admin.GetPageAsync("/admin");

        Assert.Equal("/admin/webhooks", page.QuerySelector("#card-webhooks a")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData(RapportRoles.Agent)]
    [InlineData(RapportRoles.TeamLead)]
    [InlineData(RapportRoles.Requester)]
    public async Task NotAnAdministrator_IsDeniedThePages(string role)
    {
        var api = await app.AdminApiAsync();
        var webhook = await api.AddWebhookAsync(Url, "*");
        var browser = await app.SignedInClientAsync(await app.CreateAccountAsync(role));

        var list = await browser.GetAsync("/admin/webhooks");
        var one = await browser.GetAsync($"/admin/webhooks/{webhook.Id}");

        Assert.Equal("/denied", list.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/denied", one.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain(Url, await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class WebhookPageTests_Sqlite(WebhookSqliteApp app) : WebhookPageTests(app), IClassFixture<WebhookSqliteApp>;

public sealed class WebhookPageTests_Postgres(WebhookPostgresApp app) : WebhookPageTests(app), IClassFixture<WebhookPostgresApp>;
