using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>
/// Takes a team out of use (no new members, not offered for routing) without losing its history.
/// Its members stay listed, so that restoring it brings the team back as it was.
/// </summary>
public sealed record ArchiveTeam(Guid Id, int Version);

public sealed class ArchiveTeamHandler(RapportDb db, EventLog events, TimeProvider time)
{
    public async Task<Result<Team>> HandleAsync(ArchiveTeam command, CancellationToken ct)
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

        if (team.ArchivedAt is not null)
        {
            return team;
        }

        team.ArchivedAt = time.GetUtcNow();
        team.Version++;
        events.Append(new TeamChanged(team.Id, team.DepartmentId, team.Name, team.Description, Archived: true), "team", team.Id.ToString());
        var failed = await db.SaveOrConflictAsync(TeamRules.What, ct);
        return failed is null ? team : failed;
    }
}
