using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Organisation.Features;

/// <summary>What adding and editing a business unit both check against the stored business units.</summary>
internal static class BusinessUnitRules
{
    public const string What = "This business unit";

    public static NotFoundError NotFound => new("organisation.business-unit-not-found", "That business unit does not exist. It may have been removed; go back to the list of business units.");

    /// <summary>Two business units may not share a name (ignoring case) or a key.</summary>
    public static async Task<Error?> FindClashAsync(RapportDb db, Guid? self, string name, string? key, CancellationToken ct)
    {
        // Few enough to compare here, where case folding follows Unicode rather than each database's own.
        var names = await db.Set<BusinessUnit>().Where(u => u.Id != self).Select(u => u.Name).ToListAsync(ct);
        var sameName = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (sameName is not null)
        {
            return new AlreadyTaken("name", $"There is a business unit called \"{sameName}\" already. Choose another name.");
        }

        if (key is null)
        {
            return null;
        }

        var sameKey = await db.Set<BusinessUnit>().Where(u => u.Key == key).Select(u => u.Name).FirstOrDefaultAsync(ct);
        return sameKey is null
            ? null
            : new AlreadyTaken("key", $"The key \"{key}\" belongs to the business unit \"{sameKey}\". Choose another key.");
    }
}
