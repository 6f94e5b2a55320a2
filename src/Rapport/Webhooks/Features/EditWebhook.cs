using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Webhooks.Domain;

namespace Rapport.Webhooks.Features;

/// <param name="Version">The version the editor started from: a newer stored one means someone else saved first.</param>
/// <param name="IsActive">Pause (false) or resume (true) at the same time; null leaves it as it is.</param>
public sealed record EditWebhook(Guid Id, int? Version, string? Name, string? Url, IReadOnlyList<string?>? EventTypes, bool? IsActive = null);

/// <summary>Changes a webhook's name, URL or events. Deliveries already made keep their URL-independent body.</summary>
public sealed class EditWebhookHandler(RapportDb db, WebhookInputCheck check)
{
    public async Task<Result<WebhookSubscription>> HandleAsync(EditWebhook command, CancellationToken ct)
    {
        var input = await check.CheckAsync(command.Name, command.Url, command.EventTypes, ct);
        if (command.Version is null)
        {
            return Invalid.Field("version", "Send the version of the webhook you read, so that nobody's change is lost.");
        }

        if (!input.Succeeded)
        {
            return input.Error;
        }

        var webhook = await db.Set<WebhookSubscription>().SingleOrDefaultAsync(w => w.Id == command.Id, ct);
        if (webhook is null)
        {
            return WebhookRules.NotFound(command.Id);
        }

        if (webhook.Version != command.Version)
        {
            return new ConcurrentEdit(WebhookRules.What);
        }

        var active = command.IsActive ?? webhook.IsActive;
        if (webhook.Name == input.Value.Name && webhook.Url == input.Value.Url
            && webhook.EventTypes.SequenceEqual(input.Value.EventTypes, StringComparer.Ordinal) && webhook.IsActive == active)
        {
            return webhook;
        }

        webhook.Name = input.Value.Name;
        webhook.Url = input.Value.Url;
        webhook.EventTypes = [.. input.Value.EventTypes];
        webhook.IsActive = active;
        webhook.Version++;
        return await db.SaveOrConflictAsync(ct) is { } failed ? failed : webhook;
    }
}
