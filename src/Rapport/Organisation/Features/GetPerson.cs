using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

public sealed record PersonMembershipRow(Guid TeamId, string TeamName, string DepartmentName, bool TeamArchived, bool IsLead);

public sealed record PersonDetails(
    Guid Id, string DisplayName, string Email, string? JobTitle, Guid? BusinessUnitId, string? BusinessUnitName,
    Guid? AccountId, DateTimeOffset CreatedAt, int Version, IReadOnlyList<PersonMembershipRow> Memberships);

public sealed class GetPersonHandler(RapportDb db)
{
    public async Task<PersonDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (p is null)
        {
            return null;
        }

        var unit = p.BusinessUnitId is null
            ? null
            : await db.Set<BusinessUnit>().AsNoTracking().Where(u => u.Id == p.BusinessUnitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        var memberships = await (
                from m in db.Set<TeamMember>().AsNoTracking()
                join t in db.Set<Team>() on m.TeamId equals t.Id
                join d in db.Set<Department>() on t.DepartmentId equals d.Id
                where m.PersonId == id
                select new PersonMembershipRow(t.Id, t.Name, d.Name, t.ArchivedAt != null, m.IsLead))
            .ToListAsync(ct);
        return new PersonDetails(
            p.Id, p.DisplayName, p.Email, p.JobTitle, p.BusinessUnitId, unit, p.AccountId, p.CreatedAt, p.Version,
            [.. memberships
                .OrderBy(m => m.DepartmentName, StringComparer.CurrentCultureIgnoreCase)
                .ThenBy(m => m.TeamName, StringComparer.CurrentCultureIgnoreCase)]);
    }
}
