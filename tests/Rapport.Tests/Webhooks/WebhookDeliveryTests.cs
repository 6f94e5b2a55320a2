using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Tests.Infrastructure;
using Rapport.Webhooks.Domain;

namespace Rapport.Tests.Webhooks;

/// <summary>Events reach receivers: signed, once per webhook, retried when the receiver fails.</summary>
public abstract class WebhookDeliveryTests(RapportApp app) : IAsyncLifetime
{
    private WebhookReceiver _receiver = default!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private const string Something = "tests.something-happened";

    private static readonly string[] EveryEvent = ["*"];

    /// <summary>Adds a webhook for the test's receiver; what happened before it is not sent to it.</summary>
    private async Task<AddedWebhook> SubscribeAsync(HttpClient admin, params string[] eventTypes)
    {
        await app.DrainAllEventsAsync();
        return await admin.AddWebhookAsync(_receiver.Url, eventTypes);
    }

    private async Task<HttpClient> RequesterAsync()
    {
        await app.GivenDemoCatalogAsync();
        var requester = await app.DemoAccountAsync("ben.carter", RapportRoles.Requester);
        await app.DrainAllEventsAsync();
        return await app.ApiClientAsync(requester);
    }

    private static async Task<long> OpenTicketAsync(HttpClient requester, string subject = "Printer prints blank pages")
    {
        var services = await requester.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var service = services.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "it-question").GetProperty("id").GetGuid();
        var response = await requester.PostAsJsonAsync("/api/v1/tickets", new { serviceId = service, subject, description = "Since this morning.", type = "incident" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Appends <paramref name="count"/> events as a module would, and dispatches them.</summary>
    private async Task HappenAsync(int count)
    {
        await app.ScopeAsync(async sp =>
        {
            var events = sp.GetRequiredService<EventLog>();
            for (var i = 0; i < count; i++)
            {
                events.Append(new SomethingHappened(i), "test", i.ToString(CultureInfo.InvariantCulture));
            }

            await sp.GetRequiredService<RapportDb>().SaveChangesAsync();
        });
        await app.DrainAllEventsAsync();
    }

    [Fact]
    public async Task OpenedTicket_ReachesTheReceiver_SignedWithTheSecretShownOnce()
    {
        var admin = await app.AdminApiAsync();
        var requester = await RequesterAsync();
        var webhook = await SubscribeAsync(admin, "tickets.ticket-opened");

        var ticketId = await OpenTicketAsync(requester, "Laptop does not start");
        await app.DrainAllEventsAsync();
        await app.SendWebhooksAsync();

        var request = Assert.Single(_receiver.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal(new Uri(_receiver.Url).AbsolutePath, request.Path);
        Assert.True(request.HasValidSignature(webhook.Secret), "The signature does not verify with the secret shown when the webhook was added.");
        Assert.False(request.HasValidSignature(webhook.Secret + "x"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("Rapport-Webhooks", request.Header("User-Agent"));
        Assert.Equal("tickets.ticket-opened", request.Event);
        Assert.Equal(app.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), request.Header("X-Rapport-Timestamp"));

        var opened = Assert.Single(await app.EventsAsync("tickets.ticket-opened"), e => e.CaseId == ticketId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(opened.EventId.ToString(), request.Header("X-Rapport-Delivery"));
        var body = request.Json();
        Assert.Equal(opened.EventId, body.GetProperty("id").GetGuid());
        Assert.Equal("tickets.ticket-opened", body.GetProperty("type").GetString());
        Assert.Equal("ticket", body.GetProperty("caseType").GetString());
        Assert.Equal(ticketId.ToString(CultureInfo.InvariantCulture), body.GetProperty("caseId").GetString());
        Assert.Equal("requester", body.GetProperty("actorKind").GetString());
        Assert.Equal(opened.OccurredAt, body.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(ticketId, body.GetProperty("data").GetProperty("ticketId").GetInt64());
        Assert.Equal("Laptop does not start", body.GetProperty("data").GetProperty("subject").GetString());

        var delivery = Assert.Single(await app.DeliveriesOfAsync(webhook.Id));
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(200, delivery.LastStatusCode);
        Assert.Equal(app.Time.GetUtcNow(), delivery.DeliveredAt);
    }

    [Fact]
    public async Task ReceiverAnswers500_IsTriedAgainAfterTheBackOff_ThenDelivered_WithBothAttemptsInTheLog()
    {
        var admin = await app.AdminApiAsync();
        var webhook = await SubscribeAsync(admin, "*");
        _receiver.AnswerNext(500);

        await HappenAsync(1);
        await app.SendWebhooksAsync();

        var failed = Assert.Single(await app.DeliveriesOfAsync(webhook.Id));
        Assert.Equal(WebhookDeliveryStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(500, failed.LastStatusCode);
        Assert.Contains("500", failed.LastError);
        Assert.Equal(app.Time.GetUtcNow() + TimeSpan.FromSeconds(30), failed.NextAttemptAt);

        // Not before its time…
        app.Time.Advance(TimeSpan.FromSeconds(29));
        await app.SendWebhooksAsync();
        Assert.Single(_receiver.Received);

        // …but once the back-off has passed.
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await app.SendWebhooksAsync();

        Assert.Equal(2, _receiver.Received.Count);
        Assert.Single(_receiver.Received.Select(r => r.Header("X-Rapport-Delivery")).Distinct());
        Assert.Single(_receiver.Received.Select(r => r.Body).Distinct());
        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{webhook.Id}/deliveries");
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal("delivered", entry.GetProperty("status").GetString());
        Assert.Equal(2, entry.GetProperty("attempts").GetInt32());
        Assert.Equal(200, entry.GetProperty("lastStatusCode").GetInt32());
    }

    [Fact]
    public async Task ReceiverThatKeepsFailing_IsGivenUpAfterTheLastAttempt_AndRetryNowSendsItOnceMore()
    {
        var admin = await app.AdminApiAsync();
        var webhook = await SubscribeAsync(admin, "*");
        _receiver.DefaultAnswer = 503;

        await HappenAsync(1);
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await app.SendWebhooksAsync();
            var delivery = Assert.Single(await app.DeliveriesOfAsync(webhook.Id));
            waits.Add(delivery.NextAttemptAt - app.Time.GetUtcNow());
            app.Time.Advance(TimeSpan.FromHours(6));
        }

        Assert.Equal(8, _receiver.Received.Count);
        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 0], waits.Select(w => (int)w.TotalSeconds));
        var gaveUp = Assert.Single(await app.DeliveriesOfAsync(webhook.Id));
        Assert.Equal(WebhookDeliveryStatus.GaveUp, gaveUp.Status);
        Assert.Equal(8, gaveUp.Attempts);
        await app.SendWebhooksAsync();
        Assert.Equal(8, _receiver.Received.Count);

        _receiver.DefaultAnswer = 204;
        var retry = await admin.PostAsync($"/api/v1/webhooks/{webhook.Id}/deliveries/{gaveUp.Id}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await app.SendWebhooksAsync();

        var delivered = Assert.Single(await app.DeliveriesOfAsync(webhook.Id));
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivered.Status);
        Assert.Equal(9, delivered.Attempts);
        Assert.Equal(204, delivered.LastStatusCode);
    }

    [Fact]
    public async Task DrainingTwice_MakesOneDeliveryPerEvent()
    {
        var admin = await app.AdminApiAsync();
        var webhook = await SubscribeAsync(admin, "*");

        await HappenAsync(3);
        await app.DrainAllEventsAsync();
        await app.StartNode().DrainEventsAsync();
        await app.DrainAllEventsAsync();

        var deliveries = await app.DeliveriesOfAsync(webhook.Id);
        Assert.Equal(3, deliveries.Count);
        Assert.Equal(3, deliveries.Select(d => d.EventId).Distinct().Count());
        await app.SendWebhooksAsync();
        await app.SendWebhooksAsync();
        Assert.Equal(3, _receiver.Of(Something).Count);
    }

    [Fact]
    public async Task TwoNodesSendingAtOnce_SendEachDeliveryOnce()
    {
        var admin = await app.AdminApiAsync();
        var webhook = await SubscribeAsync(admin, "*");
        var second = app.StartNode();
        await HappenAsync(40);

        await Task.WhenAll(
            Task.Run(() => app.SendWebhooksAsync()),
            Task.Run(() => second.SendWebhooksAsync()),
            Task.Run(() => app.SendWebhooksAsync()),
            Task.Run(() => second.SendWebhooksAsync()));

        Assert.Equal(40, _receiver.Of(Something).Count);
        Assert.Equal(40, _receiver.Of(Something).Select(r => r.Header("X-Rapport-Delivery")).Distinct().Count());
        var deliveries = await app.DeliveriesOfAsync(webhook.Id);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(WebhookDeliveryStatus.Delivered, d.Status);
            Assert.Equal(1, d.Attempts);
            Assert.Null(d.LeasedBy);
        });
    }

    [Fact]
    public async Task InternalNote_NeverGoesOutThroughEveryEvent_OnlyToAWebhookThatNamesIt()
    {
        var admin = await app.AdminApiAsync();
        var requester = await RequesterAsync();
        var agentAccount = await app.DemoAccountAsync("tom.becker", RapportRoles.Agent);
        await app.DrainAllEventsAsync();
        var agent = await app.ApiClientAsync(agentAccount);
        var everything = await SubscribeAsync(admin, "*");
        var notes = await admin.AddWebhookAsync(_receiver.Url, "tickets.internal-note-added");
        var ticketId = await OpenTicketAsync(requester);

        var note = await agent.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/comments", new { body = "Same as last week: driver.", @internal = true });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        await app.DrainAllEventsAsync();
        await app.SendWebhooksAsync();

        Assert.Contains(await app.DeliveriesOfAsync(everything.Id), d => d.EventType == "tickets.ticket-opened");
        Assert.DoesNotContain(await app.DeliveriesOfAsync(everything.Id), d => d.EventType == "tickets.internal-note-added");
        var sent = Assert.Single(_receiver.Of("tickets.internal-note-added"));
        Assert.True(sent.HasValidSignature(notes.Secret));
        Assert.DoesNotContain("driver", sent.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PausedWebhook_GetsNoNewEvents_AndHoldsWaitingOnesUntilResumed()
    {
        var admin = await app.AdminApiAsync();
        var webhook = await SubscribeAsync(admin, "*");
        await HappenAsync(1);

        var paused = await admin.PutAsJsonAsync($"/api/v1/webhooks/{webhook.Id}", new
        {
            name = "Paused", url = _receiver.Url, eventTypes = EveryEvent, isActive = false, version = webhook.Version,
        });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        await HappenAsync(1);
        await app.SendWebhooksAsync();

        Assert.Empty(_receiver.Received);
        Assert.Single(await app.DeliveriesOfAsync(webhook.Id));

        var version = (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var resumed = await admin.PutAsJsonAsync($"/api/v1/webhooks/{webhook.Id}", new
        {
            name = "Resumed", url = _receiver.Url, eventTypes = EveryEvent, isActive = true, version,
        });
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        await app.SendWebhooksAsync();

        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task RotatedSecret_SignsTheNextAttempt_TheOldOneNoLonger()
    {
        var admin = await app.AdminApiAsync();
        var webhook = await SubscribeAsync(admin, "*");
        _receiver.AnswerNext(500);
        await HappenAsync(1);
        await app.SendWebhooksAsync();

        var rotated = await admin.PostAsJsonAsync($"/api/v1/webhooks/{webhook.Id}/secret", new { version = webhook.Version });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.NotEqual(webhook.Secret, secret);
        app.Time.Advance(TimeSpan.FromSeconds(30));
        await app.SendWebhooksAsync();

        var attempts = _receiver.Received.ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[0].HasValidSignature(webhook.Secret));
        Assert.True(attempts[1].HasValidSignature(secret));
        Assert.False(attempts[1].HasValidSignature(webhook.Secret));
    }

    [Fact]
    public async Task DeletedWebhook_SendsNothingMore()
    {
        var admin = await app.AdminApiAsync();
        var webhook = await SubscribeAsync(admin, "*");
        await HappenAsync(2);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/webhooks/{webhook.Id}")).StatusCode);
        await HappenAsync(1);
        await app.SendWebhooksAsync();

        Assert.Empty(_receiver.Received);
        Assert.Empty(await app.DeliveriesOfAsync(webhook.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/webhooks/{webhook.Id}")).StatusCode);
    }
}

public sealed class WebhookDeliveryTests_Sqlite(WebhookSqliteApp app) : WebhookDeliveryTests(app), IClassFixture<WebhookSqliteApp>;

public sealed class WebhookDeliveryTests_Postgres(WebhookPostgresApp app) : WebhookDeliveryTests(app), IClassFixture<WebhookPostgresApp>;
