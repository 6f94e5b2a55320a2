using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

public sealed record PersonChoice(Guid Id, string DisplayName, string Email, string? JobTitle);

/// <summary>People matching a search who are not in the team yet: the choices when adding a member.</summary>
public sealed class FindPeopleToAddHandler(RapportDb db)
{
    public const int Limit = 10;

    public async Task<IReadOnlyList<PersonChoice>> HandleAsync(Guid teamId, string? search, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return [];
        }

        return await new PeopleFilter(search).Apply(db).AsNoTracking()
            .Where(p => !db.Set<TeamMember>().Any(m => m.TeamId == teamId && m.PersonId == p.Id))
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Take(Limit)
            .Select(p => new PersonChoice(p.Id, p.DisplayName, p.Email, p.JobTitle))
            .ToListAsync(ct);
    }
}
