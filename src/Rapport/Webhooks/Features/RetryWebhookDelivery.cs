using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Webhooks.Domain;

namespace Rapport.Webhooks.Features;

/// <summary>
/// Sends a failed or given-up delivery again at the sender's next round, without waiting for its back-off.
/// A given-up delivery gets one more attempt.
/// </summary>
public sealed class RetryWebhookDeliveryHandler(RapportDb db, TimeProvider time)
{
    public async Task<Result<WebhookDelivery>> HandleAsync(Guid webhookId, Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.Set<WebhookDelivery>().SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == webhookId, ct);
        if (delivery is null)
        {
            return new NotFoundError("webhooks.delivery-not-found", $"There is no delivery {deliveryId} of this webhook.");
        }

        if (delivery.Status is not (WebhookDeliveryStatus.Failed or WebhookDeliveryStatus.GaveUp))
        {
            return new ConflictError(
                "webhooks.delivery-not-failed",
                delivery.Status == WebhookDeliveryStatus.Delivered
                    ? "This delivery was already delivered; it is not sent again."
                    : "This delivery has not been tried yet; it goes out at the next round.");
        }

        delivery.Status = WebhookDeliveryStatus.Failed;
        delivery.NextAttemptAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return delivery;
    }
}
