using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Webhooks.Domain;

namespace Rapport.Webhooks.Features;

/// <summary>Pause (<paramref name="Pause"/> true) or resume a webhook.</summary>
/// <remarks>
/// While paused, events make no deliveries and waiting deliveries are held; on resume the held ones go out.
/// </remarks>
public sealed record PauseWebhook(Guid Id, int Version, bool Pause);

public sealed class PauseWebhookHandler(RapportDb db)
{
    public async Task<Result<WebhookSubscription>> HandleAsync(PauseWebhook command, CancellationToken ct)
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

        if (webhook.IsActive != command.Pause)
        {
            return webhook;
        }

        webhook.IsActive = !command.Pause;
        webhook.Version++;
        return await db.SaveOrConflictAsync(ct) is { } failed ? failed : webhook;
    }
}
