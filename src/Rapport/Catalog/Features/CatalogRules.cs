using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Catalog.Features;

internal static class CatalogRules
{
    public const string What = "This service";

    /// <summary>The stream of a service in the event log.</summary>
    public const string ServiceCase = "service";

    /// <summary>The stream of the priority matrix: there is one.</summary>
    public const string MatrixCase = "priority-matrix";

    public const string MatrixCaseId = "default";

    public static NotFoundError NotFound(Guid id) =>
        new("catalog.service-not-found", $"There is no service {id}. It may have been removed; go back to the catalog.");

    /// <summary>
    /// Saves the change with its events, or answers that someone else saved first (nothing is written then).
    /// When a unique key was taken between the check and the save, <paramref name="recheck"/> names the field.
    /// </summary>
    public static async Task<Error?> SaveOrConflictAsync(this RapportDb db, string what, CancellationToken ct, Func<Task<Error?>>? recheck = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ConcurrentEdit(what);
        }
        catch (DbUpdateException) when (recheck is not null)
        {
            db.ChangeTracker.Clear();
            return await recheck() ?? throw new InvalidOperationException($"Saving {what} failed for a reason other than a taken key.");
        }
    }
}
