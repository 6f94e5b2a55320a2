using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>
/// Takes a department out of use without losing its history: tickets and reports keep pointing at it.
/// Its teams go first, so that no active team belongs to an archived department.
/// </summary>
public sealed record ArchiveDepartment(Guid Id, int Version);

public sealed class ArchiveDepartmentHandler(RapportDb db, EventLog events, TimeProvider time)
{
    public async Task<Result<Department>> HandleAsync(ArchiveDepartment command, CancellationToken ct)
    {
        var department = await db.Set<Department>().SingleOrDefaultAsync(d => d.Id == command.Id, ct);
        if (department is null)
        {
            return DepartmentRules.NotFound;
        }

        if (department.Version != command.Version)
        {
            return new ConcurrentEdit(DepartmentRules.What);
        }

        if (department.ArchivedAt is not null)
        {
            return department;
        }

        var activeTeams = await db.Set<Team>().CountAsync(t => t.DepartmentId == department.Id && t.ArchivedAt == null, ct);
        if (activeTeams > 0)
        {
            return new ConflictError(
                "organisation.department-has-teams",
                $"{department.Name} still has {activeTeams} active {(activeTeams == 1 ? "team" : "teams")}. Archive them or move them to another department first.");
        }

        department.ArchivedAt = time.GetUtcNow();
        department.Version++;
        events.Append(new DepartmentChanged(department.Id, department.Name, department.Description, Archived: true), "department", department.Id.ToString());
        var failed = await db.SaveOrConflictAsync(DepartmentRules.What, ct);
        return failed is null ? department : failed;
    }
}
