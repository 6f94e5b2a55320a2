using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>Takes a person out of a team. Removing someone who has left already changes nothing (a second click is harmless).</summary>
public sealed record RemovePersonFromTeam(Guid PersonId, Guid TeamId);

public sealed class RemovePersonFromTeamHandler(RapportDb db, EventLog events)
{
    /// <returns>Whether the person was in the team.</returns>
    public async Task<Result<bool>> HandleAsync(RemovePersonFromTeam command, CancellationToken ct)
    {
        var member = await db.Set<TeamMember>().SingleOrDefaultAsync(m => m.TeamId == command.TeamId && m.PersonId == command.PersonId, ct);
        if (member is null)
        {
            var (_, _, error) = await MembershipRules.FindAsync(db, command.PersonId, command.TeamId, ct);
            return error is null ? false : error;
        }

        db.Remove(member);
        events.Append(new PersonLeftTeam(command.PersonId, command.TeamId), "person", command.PersonId.ToString());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
