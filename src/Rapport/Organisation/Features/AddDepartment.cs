using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <param name="Key">Optional: made from the name when left empty.</param>
public sealed record AddDepartment(string? Name, string? Key, string? Description);

public sealed class AddDepartmentHandler(RapportDb db, EventLog events, TimeProvider time)
{
    public async Task<Result<Department>> HandleAsync(AddDepartment command, CancellationToken ct)
    {
        var check = new InputCheck();
        var name = check.Required("name", command.Name, InputCheck.NameMaxLength, "Give the department a name, e.g. \"IT\" or \"HR\".");
        var key = check.Key(command.Key, name);
        var description = check.Optional("description", command.Description, InputCheck.DescriptionMaxLength);
        if (check.Failed)
        {
            check.Include(name.Length == 0 ? null : await DepartmentRules.FindClashAsync(db, null, name, null, ct));
            return check.Error;
        }

        if (await DepartmentRules.FindClashAsync(db, null, name, key, ct) is { } clash)
        {
            return clash;
        }

        var now = time.GetUtcNow();
        var department = new Department { Id = Guid.CreateVersion7(now), Key = key, Name = name, Description = description, CreatedAt = now };
        db.Add(department);
        events.Append(new DepartmentAdded(department.Id, key, name, description), "department", department.Id.ToString());
        var failed = await db.SaveOrConflictAsync(DepartmentRules.What, ct, () => DepartmentRules.FindClashAsync(db, null, name, key, ct));
        return failed is null ? department : failed;
    }
}
