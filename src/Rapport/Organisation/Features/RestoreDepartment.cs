using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>Brings an archived department back into use; its teams stay archived until restored one by one.</summary>
public sealed record RestoreDepartment(Guid Id, int Version);

public sealed class RestoreDepartmentHandler(RapportDb db, EventLog events)
{
    public async Task<Result<Department>> HandleAsync(RestoreDepartment command, CancellationToken ct)
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

        if (department.ArchivedAt is null)
        {
            return department;
        }

        department.ArchivedAt = null;
        department.Version++;
        events.Append(new DepartmentChanged(department.Id, department.Name, department.Description, Archived: false), "department", department.Id.ToString());
        var failed = await db.SaveOrConflictAsync(DepartmentRules.What, ct);
        return failed is null ? department : failed;
    }
}
