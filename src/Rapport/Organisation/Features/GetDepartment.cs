using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

public sealed record DepartmentDetails(
    Guid Id, string Key, string Name, string Description, DateTimeOffset CreatedAt, DateTimeOffset? ArchivedAt, int Version,
    IReadOnlyList<TeamRow> Teams);

public sealed class GetDepartmentHandler(RapportDb db, ListTeamsHandler teams)
{
    public async Task<DepartmentDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var d = await db.Set<Department>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        return d is null
            ? null
            : new DepartmentDetails(d.Id, d.Key, d.Name, d.Description, d.CreatedAt, d.ArchivedAt, d.Version, await teams.HandleAsync(id, ct));
    }
}
