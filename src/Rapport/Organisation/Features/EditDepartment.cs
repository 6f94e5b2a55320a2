using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <param name="Version">The version the editor started from: a newer stored one means someone else saved first.</param>
public sealed record EditDepartment(Guid Id, int Version, string? Name, string? Description);

public sealed class EditDepartmentHandler(RapportDb db, EventLog events)
{
    public async Task<Result<Department>> HandleAsync(EditDepartment command, CancellationToken ct)
    {
        var check = new InputCheck();
        var name = check.Required("name", command.Name, InputCheck.NameMaxLength, "Give the department a name, e.g. \"IT\" or \"HR\".");
        var description = check.Optional("description", command.Description, InputCheck.DescriptionMaxLength);
        if (check.Failed)
        {
            return check.Error;
        }

        var department = await db.Set<Department>().SingleOrDefaultAsync(d => d.Id == command.Id, ct);
        if (department is null)
        {
            return DepartmentRules.NotFound;
        }

        if (department.Version != command.Version)
        {
            return new ConcurrentEdit(DepartmentRules.What);
        }

        if (department.Name == name && department.Description == description)
        {
            return department;
        }

        if (await DepartmentRules.FindClashAsync(db, department.Id, name, null, ct) is { } clash)
        {
            return clash;
        }

        department.Name = name;
        department.Description = description;
        department.Version++;
        events.Append(new DepartmentChanged(department.Id, name, description, department.ArchivedAt is not null), "department", department.Id.ToString());
        var failed = await db.SaveOrConflictAsync(DepartmentRules.What, ct);
        return failed is null ? department : failed;
    }
}
