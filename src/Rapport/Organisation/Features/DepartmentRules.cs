using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Organisation.Features;

/// <summary>What adding and editing a department both check against the stored departments.</summary>
internal static class DepartmentRules
{
    public const string What = "This department";

    public static NotFoundError NotFound => new("organisation.department-not-found", "That department does not exist. It may have been removed; go back to the list of departments.");

    /// <summary>Two departments may not share a name (ignoring case) or a key.</summary>
    public static async Task<Error?> FindClashAsync(RapportDb db, Guid? self, string name, string? key, CancellationToken ct)
    {
        // Few enough to compare here, where case folding follows Unicode rather than each database's own.
        var names = await db.Set<Department>().Where(d => d.Id != self).Select(d => d.Name).ToListAsync(ct);
        var sameName = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (sameName is not null)
        {
            return new AlreadyTaken("name", $"There is a department called \"{sameName}\" already. Choose another name.");
        }

        if (key is null)
        {
            return null;
        }

        var sameKey = await db.Set<Department>().Where(d => d.Key == key).Select(d => d.Name).FirstOrDefaultAsync(ct);
        return sameKey is null
            ? null
            : new AlreadyTaken("key", $"The key \"{key}\" belongs to the department \"{sameKey}\". Choose another key.");
    }
}
