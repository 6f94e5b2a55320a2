using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Webhooks.Domain;

namespace Rapport.Webhooks.Features;

public sealed record RotateWebhookSecret(Guid Id, int Version);

/// <summary>
/// Replaces a webhook's signing secret, for when the old one may have leaked. Every attempt from now on,
/// retries of older deliveries included, is signed with the new secret, shown this once.
/// </summary>
public sealed class RotateWebhookSecretHandler(RapportDb db, WebhookSecrets secrets)
{
    public async Task<Result<WebhookWithSecret>> HandleAsync(RotateWebhookSecret command, CancellationToken ct)
    {
        var webhook = await db.Set<WebhookSubscription>().SingleOrDefaultAsync(w => w.Id == command.Id, ct);
        if (webhook is null)
        {
            return WebhookRules.NotFound(command.Id);
        }

        if (webhook.Version != command.Version)
        {
            return new ConcurrentEdit(WebhookRules.What);
        }

        var secret = WebhookSecrets.New();
        webhook.ProtectedSecret = secrets.Protect(secret);
        webhook.Version++;
        return await db.SaveOrConflictAsync(ct) is { } failed ? failed : new WebhookWithSecret(webhook, secret);
    }
}
