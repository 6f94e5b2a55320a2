using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

public sealed record TeamRow(
    Guid Id, string Key, string Name, string Description, Guid DepartmentId, string DepartmentName, bool DepartmentArchived,
    DateTimeOffset? ArchivedAt, int Members, IReadOnlyList<string> Leads);

/// <summary>Teams by department, those in use first, by name; all of them, or one department's.</summary>
public sealed class ListTeamsHandler(RapportDb db)
{
    public async Task<IReadOnlyList<TeamRow>> HandleAsync(Guid? departmentId, CancellationToken ct)
    {
        var teams = await (
                from t in db.Set<Team>().AsNoTracking()
                join d in db.Set<Department>() on t.DepartmentId equals d.Id
                where departmentId == null || t.DepartmentId == departmentId
                select new { Team = t, DepartmentName = d.Name, DepartmentArchived = d.ArchivedAt != null })
            .ToListAsync(ct);
        var ids = teams.Select(t => t.Team.Id).ToList();
        var members = await (
                from m in db.Set<TeamMember>().AsNoTracking()
                join p in db.Set<Person>() on m.PersonId equals p.Id
                where ids.Contains(m.TeamId)
                select new { m.TeamId, m.IsLead, p.DisplayName })
            .ToListAsync(ct);
        var byTeam = members.ToLookup(m => m.TeamId);

        return [.. teams
            .OrderBy(t => t.DepartmentArchived)
            .ThenBy(t => t.DepartmentName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(t => t.Team.ArchivedAt is not null)
            .ThenBy(t => t.Team.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(t => new TeamRow(
                t.Team.Id, t.Team.Key, t.Team.Name, t.Team.Description, t.Team.DepartmentId, t.DepartmentName, t.DepartmentArchived,
                t.Team.ArchivedAt, byTeam[t.Team.Id].Count(),
                [.. byTeam[t.Team.Id].Where(m => m.IsLead).Select(m => m.DisplayName).Order(StringComparer.CurrentCultureIgnoreCase)]))];
    }
}
