using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Webhooks.Features;

internal static class WebhookRules
{
    public const string What = "This webhook";

    public static NotFoundError NotFound(Guid id) => new("webhooks.not-found", $"There is no webhook {id}; it may have been deleted.");

    /// <summary>Saves, or answers that someone else saved the same webhook first (nothing is written then).</summary>
    public static async Task<Error?> SaveOrConflictAsync(this RapportDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ConcurrentEdit(What);
        }
    }
}
