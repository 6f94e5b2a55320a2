using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>Brings an archived team back into use, with the members it had.</summary>
public sealed record RestoreTeam(Guid Id, int Version);

public sealed class RestoreTeamHandler(RapportDb db, EventLog events)
{
    public async Task<Result<Team>> HandleAsync(RestoreTeam command, CancellationToken ct)
    {
        var team = await db.Set<Team>().SingleOrDefaultAsync(t => t.Id == command.Id, ct);
        if (team is null)
        {
            return TeamRules.NotFound;
        }

        if (team.Version != command.Version)
        {
            return new ConcurrentEdit(TeamRules.What);
        }

        if (team.ArchivedAt is null)
        {
            return team;
        }

        var department = await db.Set<Department>().AsNoTracking().SingleAsync(d => d.Id == team.DepartmentId, ct);
        if (department.ArchivedAt is not null)
        {
            return new ConflictError(
                "organisation.department-archived",
                $"{team.Name} belongs to {department.Name}, which is archived. Restore the department first, or move the team to another department.");
        }

        team.ArchivedAt = null;
        team.Version++;
        events.Append(new TeamChanged(team.Id, team.DepartmentId, team.Name, team.Description, Archived: false), "team", team.Id.ToString());
        var failed = await db.SaveOrConflictAsync(TeamRules.What, ct);
        return failed is null ? team : failed;
    }
}
