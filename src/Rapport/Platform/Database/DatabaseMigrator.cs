using Microsoft.EntityFrameworkCore;

namespace Rapport.Platform.Database;

/// <summary>Brings the database schema up to date. Safe to run from several nodes at once (EF takes a lock).</summary>
public sealed class DatabaseMigrator(RapportDb db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(ct);
        return pending;
    }
}
