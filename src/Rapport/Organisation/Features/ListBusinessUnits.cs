using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

public sealed record BusinessUnitRow(Guid Id, string Key, string Name, string Description, DateTimeOffset? ArchivedAt, int People);

/// <summary>Every business unit, those in use first, by name, with how many people work in each.</summary>
public sealed class ListBusinessUnitsHandler(RapportDb db)
{
    public async Task<IReadOnlyList<BusinessUnitRow>> HandleAsync(CancellationToken ct)
    {
        var units = await db.Set<BusinessUnit>().AsNoTracking().ToListAsync(ct);
        var people = await db.Set<Person>().AsNoTracking()
            .Where(p => p.BusinessUnitId != null)
            .GroupBy(p => p.BusinessUnitId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct);

        return [.. units
            .OrderBy(u => u.ArchivedAt is not null)
            .ThenBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => new BusinessUnitRow(u.Id, u.Key, u.Name, u.Description, u.ArchivedAt, people.GetValueOrDefault(u.Id)))];
    }
}
