using Rapport.Catalog.Contracts;
using Rapport.Organisation.Contracts;
using Rapport.Platform;
using Rapport.Platform.Demo;

namespace Rapport.Bench.Features;

public sealed record CastService(Guid Id, string Key, Guid DepartmentId, string DefaultType);

public sealed record CastPerson(Guid PersonId, string Name, Guid? BusinessUnitId, string? AccountId);

public sealed record CastTeam(Guid Id, Guid DepartmentId, IReadOnlyList<CastPerson> Agents);

/// <summary>
/// Who plays in the generated history: the demo catalog's services, the demo teams' agents (they
/// have sign-in accounts, so the history names them), thousands of generated requesters, and one
/// demo requester who raises a share of everything, so "my requests" has many pages to show.
/// </summary>
public sealed record BenchCast(
    IReadOnlyList<CastService> Services,
    IReadOnlyList<CastTeam> Teams,
    IReadOnlyList<CastPerson> Requesters,
    CastPerson Featured,
    IReadOnlyDictionary<(string Impact, string Urgency), string> Priorities)
{
    /// <summary>The demo requester who raises one ticket in <see cref="FeaturedShare"/>; the runner signs in as them.</summary>
    public const string FeaturedEmail = "ben.carter@" + DemoOrganisation.Domain;

    public const int FeaturedShare = 500;

    public static async Task<BenchCast> ReadAsync(
        ICatalog catalog, IOrganisationDirectory organisation, IReadOnlyList<CastPerson> generated, CancellationToken ct)
    {
        var services = (await catalog.ListServicesAsync(publishedOnly: true, ct))
            .Select(s => new CastService(s.Id, s.Key, s.DepartmentId, s.DefaultType)).ToList();
        var teams = new List<CastTeam>();
        foreach (var team in await organisation.ListTeamsAsync(ct))
        {
            var agents = new List<CastPerson>();
            foreach (var member in await organisation.ListTeamMembersAsync(team.Id, ct))
            {
                var person = await organisation.FindPersonByEmailAsync(member.Email, ct);
                agents.Add(new CastPerson(member.Id, member.DisplayName, null, person?.AccountId?.ToString()));
            }

            if (agents.Count > 0)
            {
                teams.Add(new CastTeam(team.Id, team.DepartmentId, agents));
            }
        }

        var requesters = new List<CastPerson>(generated);
        foreach (var demo in DemoOrganisation.People.Where(p => p.Role == RapportRoles.Requester))
        {
            if (await organisation.FindPersonByEmailAsync(demo.Email, ct) is { } person)
            {
                requesters.Add(new CastPerson(person.Id, person.DisplayName, person.BusinessUnit?.Id, person.AccountId?.ToString()));
            }
        }

        var featured = await organisation.FindPersonByEmailAsync(FeaturedEmail, ct)
            ?? throw new InvalidOperationException($"The demo requester {FeaturedEmail} is missing.");
        var priorities = new Dictionary<(string, string), string>();
        foreach (var impact in Levels)
        {
            foreach (var urgency in Levels)
            {
                priorities[(impact, urgency)] = await catalog.PriorityOfAsync(impact, urgency, ct);
            }
        }

        if (services.Count == 0 || teams.Count == 0)
        {
            throw new InvalidOperationException("The demo catalog and teams are missing; the generator seeds them first.");
        }

        return new BenchCast(services, teams, requesters,
            new CastPerson(featured.Id, featured.DisplayName, featured.BusinessUnit?.Id, featured.AccountId?.ToString()), priorities);
    }

    public static readonly IReadOnlyList<string> Levels = ["low", "medium", "high"];
}
