using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Webhooks.Domain;

namespace Rapport.Webhooks.Features;

/// <summary>Removes a webhook with its delivery log; deliveries not yet sent are never sent.</summary>
public sealed class DeleteWebhookHandler(RapportDb db)
{
    public async Task<Result<WebhookSubscription>> HandleAsync(Guid id, CancellationToken ct)
    {
        var webhook = await db.Set<WebhookSubscription>().SingleOrDefaultAsync(w => w.Id == id, ct);
        if (webhook is null)
        {
            return WebhookRules.NotFound(id);
        }

        // In one statement each rather than row by row: a busy webhook may have a long log.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(ct);
        await db.Set<WebhookSubscription>().Where(w => w.Id == id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return webhook;
    }
}
