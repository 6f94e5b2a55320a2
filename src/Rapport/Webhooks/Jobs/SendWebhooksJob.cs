using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Platform;
using Rapport.Platform.Database;
using Rapport.Webhooks.Domain;
using Rapport.Webhooks.Features;

namespace Rapport.Webhooks.Jobs;

/// <summary>
/// Sends due deliveries: claims a few under a lease (<see cref="DeliveryClaims"/>), POSTs them signed, and
/// records the answer. 2xx is delivered; anything else is tried again after a growing wait
/// (<see cref="WebhookRetry"/>) until the last attempt. Every node may run it; they share the work.
/// </summary>
public sealed class SendWebhooksJob(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    WebhookSecrets secrets,
    IOptions<WebhooksOptions> options,
    IOptions<RapportOptions> rapport,
    TimeProvider time,
    ILogger<SendWebhooksJob> logger) : BackgroundService
{
    public const string HttpClientName = "Rapport.Webhooks";

    /// <summary>How many deliveries one node sends at the same time.</summary>
    private const int Parallel = 8;

    private const int MaxErrorLength = 1000;

    /// <summary>This node's name in the lease column: unique per process and per job.</summary>
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private WebhooksOptions Options => options.Value;

    /// <summary>Sends everything due now; answers how many attempts were made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var attempts = 0;
        while (true)
        {
            IReadOnlyList<ClaimedDelivery> claimed;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RapportDb>();

                // Long enough for every delivery of the batch to time out once, with room to record the answer.
                var lease = Options.Timeout + TimeSpan.FromMinutes(1);
                claimed = await DeliveryClaims.ClaimAsync(db, rapport.Value.Database.IsPostgres, _node, time.GetUtcNow(), lease, Parallel, ct);
            }

            if (claimed.Count == 0)
            {
                return attempts;
            }

            await System.Threading.Tasks.Parallel.ForEachAsync(claimed, ct, SendAsync);
            attempts += claimed.Count;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Send)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(Options.PollIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Leases expire on their own: whatever this round held is taken up again by the next.
                logger.LogWarning(ex, "Sending webhooks failed; trying again in {Poll}.", poll);
            }

            try
            {
                await Task.Delay(poll, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async ValueTask SendAsync(ClaimedDelivery claimed, CancellationToken ct)
    {
        var delivery = claimed.Delivery;
        var (statusCode, error) = await PostAsync(claimed, ct);
        var now = time.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var (status, next) = error is null
            ? (WebhookDeliveryStatus.Delivered, now)
            : WebhookRetry.AfterFailure(attempts, Options.MaxAttempts, now);
        DateTimeOffset? deliveredAt = error is null ? now : null;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();

        // Only while this node still holds the lease: after it expired, another node owns the delivery.
        await db.Set<WebhookDelivery>()
            .Where(d => d.Id == delivery.Id && d.LeasedBy == _node)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LastStatusCode, statusCode)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.DeliveredAt, deliveredAt)
                .SetProperty(d => d.LeasedBy, (string?)null)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);

        if (status == WebhookDeliveryStatus.GaveUp)
        {
            logger.LogWarning("Gave up webhook delivery {Delivery} of event {Event} after {Attempts} attempts: {Error}", delivery.Id, delivery.EventId, attempts, error);
        }
    }

    /// <summary>One attempt: the receiver's status code, and what went wrong (null when it answered 2xx).</summary>
    private async Task<(int? StatusCode, string? Error)> PostAsync(ClaimedDelivery claimed, CancellationToken ct)
    {
        var delivery = claimed.Delivery;
        string secret;
        try
        {
            secret = secrets.Unprotect(claimed.ProtectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (null, "The webhook's secret cannot be read with this installation's data-protection keys. Rotate the secret.");
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, claimed.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("Rapport-Webhooks");
        request.Headers.Add("X-Rapport-Event", delivery.EventType);
        request.Headers.Add("X-Rapport-Delivery", delivery.EventId.ToString());
        request.Headers.Add("X-Rapport-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Rapport-Signature", WebhookSignature.Sign(secret, timestamp, delivery.Body));

        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? (code, null)
                : (code, code is >= 300 and < 400
                    ? $"The receiver answered {code} {response.ReasonPhrase}; redirects are not followed. Use the final URL."
                    : $"The receiver answered {code} {response.ReasonPhrase}.");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {Options.TimeoutSeconds} seconds.");
        }
        catch (HttpRequestException ex)
        {
            return (null, Shorten(Innermost(ex).Message));
        }
    }

    private static Exception Innermost(HttpRequestException ex)
    {
        Exception inner = ex;
        while (inner.InnerException is HttpRequestException or System.Net.Sockets.SocketException)
        {
            inner = inner.InnerException;
        }

        return inner;
    }

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..(MaxErrorLength - 1)] + "…";
}
