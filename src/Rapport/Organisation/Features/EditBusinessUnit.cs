using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <param name="Version">The version the editor started from: a newer stored one means someone else saved first.</param>
public sealed record EditBusinessUnit(Guid Id, int Version, string? Name, string? Description);

public sealed class EditBusinessUnitHandler(RapportDb db, EventLog events)
{
    public async Task<Result<BusinessUnit>> HandleAsync(EditBusinessUnit command, CancellationToken ct)
    {
        var check = new InputCheck();
        var name = check.Required("name", command.Name, InputCheck.NameMaxLength, "Give the business unit a name, e.g. \"Sales\" or \"Marketing\".");
        var description = check.Optional("description", command.Description, InputCheck.DescriptionMaxLength);
        if (check.Failed)
        {
            return check.Error;
        }

        var unit = await db.Set<BusinessUnit>().SingleOrDefaultAsync(u => u.Id == command.Id, ct);
        if (unit is null)
        {
            return BusinessUnitRules.NotFound;
        }

        if (unit.Version != command.Version)
        {
            return new ConcurrentEdit(BusinessUnitRules.What);
        }

        if (unit.Name == name && unit.Description == description)
        {
            return unit;
        }

        if (await BusinessUnitRules.FindClashAsync(db, unit.Id, name, null, ct) is { } clash)
        {
            return clash;
        }

        unit.Name = name;
        unit.Description = description;
        unit.Version++;
        events.Append(new BusinessUnitChanged(unit.Id, name, description, unit.ArchivedAt is not null), "business-unit", unit.Id.ToString());
        var failed = await db.SaveOrConflictAsync(BusinessUnitRules.What, ct);
        return failed is null ? unit : failed;
    }
}
