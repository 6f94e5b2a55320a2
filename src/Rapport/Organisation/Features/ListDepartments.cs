using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

/// <param name="Teams">Active teams.</param>
/// <param name="People">Different people in its active teams.</param>
public sealed record DepartmentRow(Guid Id, string Key, string Name, string Description, DateTimeOffset? ArchivedAt, int Teams, int People);

/// <summary>Every department, those in use first, by name. Organisations have tens of them, not thousands: no paging.</summary>
public sealed class ListDepartmentsHandler(RapportDb db)
{
    public async Task<IReadOnlyList<DepartmentRow>> HandleAsync(CancellationToken ct)
    {
        var departments = await db.Set<Department>().AsNoTracking().ToListAsync(ct);
        var teams = await db.Set<Team>().AsNoTracking()
            .Where(t => t.ArchivedAt == null)
            .GroupBy(t => t.DepartmentId)
            .Select(g => new { DepartmentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.DepartmentId, g => g.Count, ct);
        var people = await (
                from m in db.Set<TeamMember>()
                join t in db.Set<Team>() on m.TeamId equals t.Id
                where t.ArchivedAt == null
                select new { t.DepartmentId, m.PersonId })
            .Distinct()
            .GroupBy(x => x.DepartmentId)
            .Select(g => new { DepartmentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.DepartmentId, g => g.Count, ct);

        return [.. departments
            .OrderBy(d => d.ArchivedAt is not null)
            .ThenBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new DepartmentRow(d.Id, d.Key, d.Name, d.Description, d.ArchivedAt, teams.GetValueOrDefault(d.Id), people.GetValueOrDefault(d.Id)))];
    }
}
