using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Organisation.Features;

/// <summary>What adding and editing a team both check against the stored teams and departments.</summary>
internal static class TeamRules
{
    public const string What = "This team";

    public static NotFoundError NotFound => new("organisation.team-not-found", "That team does not exist. It may have been removed; go back to the list of teams.");

    /// <summary>The department a team is put in: it must exist and be in use.</summary>
    public static async Task<(Department? Department, Error? Error)> FindDepartmentAsync(RapportDb db, Guid? departmentId, CancellationToken ct)
    {
        if (departmentId is null)
        {
            return (null, Invalid.Field("departmentId", "Choose the department the team works for."));
        }

        var department = await db.Set<Department>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == departmentId, ct);
        return department switch
        {
            null => (null, Invalid.Field("departmentId", "That department does not exist any more. Choose another one.")),
            { ArchivedAt: not null } => (null, Invalid.Field("departmentId", $"{department.Name} is archived. Restore it first, or choose another department.")),
            _ => (department, null),
        };
    }

    /// <summary>Team names are unique within their department (ignoring case); keys are unique everywhere.</summary>
    public static async Task<Error?> FindClashAsync(RapportDb db, Guid? self, Guid departmentId, string name, string? key, CancellationToken ct)
    {
        // Few enough to compare here, where case folding follows Unicode rather than each database's own.
        var names = await db.Set<Team>().Where(t => t.Id != self && t.DepartmentId == departmentId).Select(t => t.Name).ToListAsync(ct);
        var sameName = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (sameName is not null)
        {
            return new AlreadyTaken("name", $"This department has a team called \"{sameName}\" already. Choose another name.");
        }

        if (key is null)
        {
            return null;
        }

        var sameKey = await db.Set<Team>().Where(t => t.Key == key).Select(t => t.Name).FirstOrDefaultAsync(ct);
        return sameKey is null
            ? null
            : new AlreadyTaken("key", $"The key \"{key}\" belongs to the team \"{sameKey}\". Choose another key.");
    }
}
