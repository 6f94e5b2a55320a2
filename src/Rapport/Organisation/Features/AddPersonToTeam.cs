using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <param name="IsLead">Whether the person leads the team; a team may have more than one lead.</param>
public sealed record AddPersonToTeam(Guid PersonId, Guid? TeamId, bool IsLead);

public sealed class AddPersonToTeamHandler(RapportDb db, EventLog events)
{
    public async Task<Result<TeamMember>> HandleAsync(AddPersonToTeam command, CancellationToken ct)
    {
        if (command.TeamId is not { } teamId)
        {
            return Invalid.Field("teamId", "Choose the team to add the person to.");
        }

        var (person, team, error) = await MembershipRules.FindAsync(db, command.PersonId, teamId, ct);
        if (error is not null)
        {
            return error;
        }

        if (team!.ArchivedAt is not null)
        {
            return Invalid.Field("teamId", $"{team.Name} is archived, so nobody can join it. Restore the team first.");
        }

        if (await db.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.PersonId == command.PersonId, ct))
        {
            return MembershipRules.AlreadyMember(person!, team);
        }

        var member = new TeamMember { TeamId = teamId, PersonId = command.PersonId, IsLead = command.IsLead };
        db.Add(member);
        events.Append(new PersonJoinedTeam(command.PersonId, teamId, command.IsLead), "person", command.PersonId.ToString());
        var failed = await db.SaveOrConflictAsync(PersonRules.What, ct, () => Task.FromResult<Error?>(MembershipRules.AlreadyMember(person!, team)));
        return failed is null ? member : failed;
    }
}
