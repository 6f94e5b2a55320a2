using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Webhooks.Domain;
using Rapport.Webhooks.Jobs;

namespace Rapport.Tests.Webhooks;

public sealed record AddedWebhook(Guid Id, string Secret, int Version);

public static class WebhookIntents
{
    public static async Task<HttpClient> AdminApiAsync(this RapportApp app) =>
        await app.ApiClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator));

    public static async Task<AddedWebhook> AddWebhookAsync(this HttpClient admin, string url, params string[] eventTypes)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new
        {
            name = $"Receiver {Guid.NewGuid().ToString("N")[..6]}",
            url,
            eventTypes = eventTypes.Length == 0 ? ["*"] : eventTypes,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new AddedWebhook(json.GetProperty("id").GetGuid(), json.GetProperty("secret").GetString()!, json.GetProperty("version").GetInt32());
    }

    /// <summary>
    /// Dispatches every event committed so far, and what dispatching them wrote in turn. On PostgreSQL the
    /// dispatcher reads only events older than every running transaction of the whole server, so events
    /// can turn visible just after a drain last looked: wait until every event is visible first, then
    /// drain, until a drain finds nothing left to do.
    /// </summary>
    public static async Task DrainAllEventsAsync(this RapportApp app)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await app.HasEventsNotYetVisibleAsync())
            {
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "Events stayed invisible to the dispatcher for a minute.");
                await Task.Delay(10);
                continue;
            }

            if (await app.DrainEventsAsync() == 0)
            {
                return;
            }
        }
    }

    private static Task<bool> HasEventsNotYetVisibleAsync(this RapportApp app) =>
        !app.Database.IsPostgres
            ? Task.FromResult(false)
            : app.QueryAsync(async db =>
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT EXISTS (SELECT 1 FROM event_log WHERE tx_id >= pg_snapshot_xmin(pg_current_snapshot()))";
                return (bool)(await command.ExecuteScalarAsync())!;
            });

    /// <summary>One round of the sender on the first node, as its background loop would run it.</summary>
    public static Task<int> SendWebhooksAsync(this RapportApp app) => app.Node.SendWebhooksAsync();

    public static Task<int> SendWebhooksAsync(this RapportNode node) =>
        node.Services.GetRequiredService<SendWebhooksJob>().RunOnceAsync(CancellationToken.None);

    public static Task<List<WebhookDelivery>> DeliveriesOfAsync(this RapportApp app, Guid webhookId) =>
        app.QueryAsync(db => db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == webhookId).ToListAsync());

    /// <summary>What a receiver does: HMAC-SHA256 of "timestamp.body" with the secret, compared in constant time.</summary>
    public static bool HasValidSignature(this ReceivedWebhook request, string secret)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{request.Header("X-Rapport-Timestamp")}.{request.Body}")));
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Header("X-Rapport-Signature") ?? ""));
    }
}
