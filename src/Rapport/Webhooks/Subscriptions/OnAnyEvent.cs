using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Webhooks.Domain;
using Rapport.Webhooks.Features;

namespace Rapport.Webhooks.Subscriptions;

/// <summary>
/// Turns each event into one delivery per active webhook that wants it. The deliveries are saved in the
/// dispatcher's transaction with its checkpoint, so an event makes its deliveries exactly once; sending
/// them is <see cref="Jobs.SendWebhooksJob"/>'s work.
/// </summary>
internal sealed class OnAnyEvent(TimeProvider time) : IEventSubscriber
{
    public string Name => "webhooks.deliveries";

    public IReadOnlyCollection<string> EventTypes { get; } = [EventSubscriptions.AllEvents];

    public async Task HandleAsync(EventEnvelope envelope, IServiceProvider scope, CancellationToken ct)
    {
        var webhooks = await scope.GetRequiredService<ActiveWebhooks>().ListAsync(ct);
        var wanting = webhooks
            .Where(w => WebhookEventTypes.Matches(w.EventTypes, envelope.Type))
            // A webhook hears what happens from its creation on, even when the dispatcher runs behind.
            .Where(w => envelope.Entry.OccurredAt >= w.CreatedAt)
            .ToList();
        if (wanting.Count == 0)
        {
            return;
        }

        var db = scope.GetRequiredService<RapportDb>();
        var body = WebhookBody.Of(envelope.Entry);
        var now = time.GetUtcNow();
        foreach (var webhook in wanting)
        {
            db.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(now),
                SubscriptionId = webhook.Id,
                EventId = envelope.EventId,
                EventType = envelope.Type,
                Body = body,
                Status = WebhookDeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }
    }
}

/// <summary>The active webhooks, read once per dispatch batch (a batch shares one scope).</summary>
internal sealed class ActiveWebhooks(RapportDb db)
{
    private IReadOnlyList<ActiveWebhook>? _webhooks;

    public async Task<IReadOnlyList<ActiveWebhook>> ListAsync(CancellationToken ct) =>
        _webhooks ??= await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => s.IsActive)
            .Select(s => new ActiveWebhook(s.Id, s.EventTypes, s.CreatedAt))
            .ToListAsync(ct);
}

internal sealed record ActiveWebhook(Guid Id, IReadOnlyCollection<string> EventTypes, DateTimeOffset CreatedAt);
