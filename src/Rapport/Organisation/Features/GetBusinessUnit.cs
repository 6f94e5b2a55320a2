using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

public sealed record BusinessUnitDetails(
    Guid Id, string Key, string Name, string Description, DateTimeOffset CreatedAt, DateTimeOffset? ArchivedAt, int Version, int People);

public sealed class GetBusinessUnitHandler(RapportDb db)
{
    public async Task<BusinessUnitDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var u = await db.Set<BusinessUnit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        return u is null
            ? null
            : new BusinessUnitDetails(
                u.Id, u.Key, u.Name, u.Description, u.CreatedAt, u.ArchivedAt, u.Version,
                await db.Set<Person>().CountAsync(p => p.BusinessUnitId == id, ct));
    }
}
