using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Organisation.Features;

internal static class MembershipRules
{
    public static async Task<(Person? Person, Team? Team, Error? Error)> FindAsync(RapportDb db, Guid personId, Guid teamId, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return (null, null, PersonRules.NotFound);
        }

        var team = await db.Set<Team>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct);
        return team is null ? (person, null, TeamRules.NotFound) : (person, team, null);
    }

    public static ConflictError AlreadyMember(Person person, Team team) =>
        new("organisation.already-member", $"{person.DisplayName} is in {team.Name} already.");
}
