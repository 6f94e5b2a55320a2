using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

public sealed record TeamMemberRow(Guid PersonId, string DisplayName, string Email, string? JobTitle, bool IsLead);

public sealed record TeamDetails(
    Guid Id, string Key, string Name, string Description, Guid DepartmentId, string DepartmentName, bool DepartmentArchived,
    DateTimeOffset CreatedAt, DateTimeOffset? ArchivedAt, int Version, IReadOnlyList<TeamMemberRow> Members);

public sealed class GetTeamHandler(RapportDb db)
{
    /// <summary>The team with its members, leads first.</summary>
    public async Task<TeamDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var found = await (
                from t in db.Set<Team>().AsNoTracking()
                join d in db.Set<Department>() on t.DepartmentId equals d.Id
                where t.Id == id
                select new { Team = t, DepartmentName = d.Name, DepartmentArchived = d.ArchivedAt != null })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var members = await (
                from m in db.Set<TeamMember>().AsNoTracking()
                join p in db.Set<Person>() on m.PersonId equals p.Id
                where m.TeamId == id
                select new TeamMemberRow(p.Id, p.DisplayName, p.Email, p.JobTitle, m.IsLead))
            .ToListAsync(ct);
        var team = found.Team;
        return new TeamDetails(
            team.Id, team.Key, team.Name, team.Description, team.DepartmentId, found.DepartmentName, found.DepartmentArchived,
            team.CreatedAt, team.ArchivedAt, team.Version,
            [.. members.OrderByDescending(m => m.IsLead).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)]);
    }
}
