using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Errors;

namespace Rapport.Platform.Database;

public static class SavingChanges
{
    /// <summary>
    /// Saves the change with its events. When someone else saved the same row first (its version moved)
    /// nothing is written and the answer says so; when a unique key was taken between our check and the
    /// save, <paramref name="recheck"/> names the field that clashed.
    /// </summary>
    public static async Task<Error?> SaveOrConflictAsync(
        this RapportDb db, string what, CancellationToken ct, Func<Task<Error?>>? recheck = null)
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
            return await recheck() ?? throw new InvalidOperationException($"Saving {what} failed for a reason other than a taken name or key.");
        }
    }
}
