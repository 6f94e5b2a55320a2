using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Webhooks.Domain;

namespace Rapport.Webhooks.Features;

public sealed record AddWebhook(string? Name, string? Url, IReadOnlyList<string?>? EventTypes);

/// <summary>A new webhook and its signing secret, which is shown this once and never again.</summary>
public sealed record WebhookWithSecret(WebhookSubscription Webhook, string Secret);

/// <summary>Subscribes a URL to events; it starts active, with a new secret.</summary>
public sealed class AddWebhookHandler(RapportDb db, WebhookInputCheck check, WebhookSecrets secrets, TimeProvider time)
{
    public async Task<Result<WebhookWithSecret>> HandleAsync(AddWebhook command, CancellationToken ct)
    {
        var input = await check.CheckAsync(command.Name, command.Url, command.EventTypes, ct);
        if (!input.Succeeded)
        {
            return input.Error;
        }

        var now = time.GetUtcNow();
        var secret = WebhookSecrets.New();
        var webhook = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now),
            Name = input.Value.Name,
            Url = input.Value.Url,
            EventTypes = [.. input.Value.EventTypes],
            ProtectedSecret = secrets.Protect(secret),
            IsActive = true,
            CreatedAt = now,
            Version = 1,
        };
        db.Add(webhook);
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecret(webhook, secret);
    }
}
