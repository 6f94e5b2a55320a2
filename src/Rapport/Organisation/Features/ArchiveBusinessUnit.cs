using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>
/// Takes a business unit out of use: it is no longer offered for people, but the people in it keep it,
/// so that their history and reports still say where they worked.
/// </summary>
public sealed record ArchiveBusinessUnit(Guid Id, int Version);

public sealed class ArchiveBusinessUnitHandler(RapportDb db, EventLog events, TimeProvider time)
{
    public async Task<Result<BusinessUnit>> HandleAsync(ArchiveBusinessUnit command, CancellationToken ct)
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

        if (unit.ArchivedAt is not null)
        {
            return unit;
        }

        unit.ArchivedAt = time.GetUtcNow();
        unit.Version++;
        events.Append(new BusinessUnitChanged(unit.Id, unit.Name, unit.Description, Archived: true), "business-unit", unit.Id.ToString());
        var failed = await db.SaveOrConflictAsync(BusinessUnitRules.What, ct);
        return failed is null ? unit : failed;
    }
}
