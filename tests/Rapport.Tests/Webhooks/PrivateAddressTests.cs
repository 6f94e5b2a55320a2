using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Tests.Infrastructure;
using Rapport.Webhooks.Domain;

namespace Rapport.Tests.Webhooks;

/// <summary>As installed by default, webhooks never reach loopback, private or link-local addresses.</summary>
public abstract class PrivateAddressTests(RapportApp app)
{
    private static readonly string[] EveryEvent = ["*"];

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    public async Task Add_WithAPrivateAddress_Is400NamingTheUrl(string url)
    {
        var admin = await app.AdminApiAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "Inside", url, eventTypes = EveryEvent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("url")[0].GetString();
        Assert.Contains("private", message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:AllowPrivateAddresses", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithAPublicAddress_IsAccepted()
    {
        var admin = await app.AdminApiAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "Outside", url = "https://93.184.215.14/hook", eventTypes = EveryEvent });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Delivery_ToAnAddressThatBecamePrivate_IsRefusedAtSendingTime_AndNothingArrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await app.AdminApiAsync();
        await app.DrainAllEventsAsync();
        var webhook = await admin.AddWebhookAsync("https://93.184.215.14/hook", "*");

        // As if the name now resolved to this machine: the URL was checked when saved, not since.
        await app.QueryAsync(async db =>
        {
            var stored = await db.Set<WebhookSubscription>().FindAsync(webhook.Id);
            stored!.Url = receiver.Url;
            return await db.SaveChangesAsync();
        });
        await app.CreateAccountAsync(Rapport.Platform.RapportRoles.Requester);
        await app.DrainAllEventsAsync();
        await app.SendWebhooksAsync();

        Assert.Empty(receiver.Received);
        var deliveries = await app.DeliveriesOfAsync(webhook.Id);
        Assert.NotEmpty(deliveries);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(WebhookDeliveryStatus.Failed, d.Status);
            Assert.Null(d.LastStatusCode);
            Assert.Contains("private", d.LastError, StringComparison.Ordinal);
        });
    }
}

public sealed class PrivateAddressTests_Sqlite(StrictWebhookSqliteApp app) : PrivateAddressTests(app), IClassFixture<StrictWebhookSqliteApp>;

public sealed class PrivateAddressTests_Postgres(StrictWebhookPostgresApp app) : PrivateAddressTests(app), IClassFixture<StrictWebhookPostgresApp>;
