using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>Brings an archived business unit back into use.</summary>
public sealed record RestoreBusinessUnit(Guid Id, int Version);

public sealed class RestoreBusinessUnitHandler(RapportDb db, EventLog events)
{
    public async Task<Result<BusinessUnit>> HandleAsync(RestoreBusinessUnit command, CancellationToken ct)
    {
        var unit = await db.Set<BusinessUnit>().SingleOrDefaultAsync(u => u.Id == command.Id, ct);
        if (unit is null)
        {
            return BusinessUnitRules.NotFound;
        }

        if (unit.Version != command.Version)
        {
            return new ConcurrentEdit(BusinessUnitRules.What);
        }

        if (unit.ArchivedAt is null)
        {
            return unit;
        }

        unit.ArchivedAt = null;
        unit.Version++;
        events.Append(new BusinessUnitChanged(unit.Id, unit.Name, unit.Description, Archived: false), "business-unit", unit.Id.ToString());
        var failed = await db.SaveOrConflictAsync(BusinessUnitRules.What, ct);
        return failed is null ? unit : failed;
    }
}
