using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>Makes a member lead their team, or stop leading it. A team may have more than one lead.</summary>
public sealed record SetTeamLead(Guid PersonId, Guid TeamId, bool IsLead);

public sealed class SetTeamLeadHandler(RapportDb db, EventLog events)
{
    public async Task<Result<TeamMember>> HandleAsync(SetTeamLead command, CancellationToken ct)
    {
        var member = await db.Set<TeamMember>().SingleOrDefaultAsync(m => m.TeamId == command.TeamId && m.PersonId == command.PersonId, ct);
        if (member is null)
        {
            var (person, team, error) = await MembershipRules.FindAsync(db, command.PersonId, command.TeamId, ct);
            return error ?? new ConflictError("organisation.not-a-member", $"{person!.DisplayName} is not in {team!.Name} any more.");
        }

        if (member.IsLead == command.IsLead)
        {
            return member;
        }

        member.IsLead = command.IsLead;
        events.Append(new TeamLeadChanged(command.PersonId, command.TeamId, command.IsLead), "person", command.PersonId.ToString());
        await db.SaveChangesAsync(ct);
        return member;
    }
}
