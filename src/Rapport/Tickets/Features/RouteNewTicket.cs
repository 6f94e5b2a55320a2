using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>
/// Runs the routing rules on a ticket being opened and decides its team and, by the rule's mode, its
/// agent. Runs inside the opening transaction, so a ticket is never seen half-routed.
/// </summary>
public sealed class RouteNewTicket(RapportDb db, IOrganisationDirectory organisation)
{
    public sealed record Route(RoutingRule Rule, Guid TeamId, Guid? AssigneeId, string? AssigneeName);

    public async Task<Route?> DecideAsync(Ticket ticket, CancellationToken ct)
    {
        var rules = await db.Set<RoutingRule>().AsNoTracking().Where(r => r.IsEnabled).ToListAsync(ct);
        var facts = new RoutingFacts(ticket.ServiceId, ticket.Type, ticket.BusinessUnitId, ticket.Subject, ticket.Answers);
        var rule = Routing.FirstMatch(rules, facts);
        if (rule is null)
        {
            return null;
        }

        var team = (await organisation.ListTeamsAsync(ct)).SingleOrDefault(t => t.Id == rule.TeamId);
        if (team is null || team.DepartmentId != ticket.DepartmentId)
        {
            // A rule pointing at another department's team would hide the ticket from its own agents.
            return null;
        }

        var members = (await organisation.ListTeamMembersAsync(team.Id, ct)).OrderBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
        var ids = members.Select(m => m.Id).ToList();
        Guid? assignee = rule.Assignment switch
        {
            RoutingAssignments.RoundRobin => await NextInTurnAsync(team.Id, ids, ct),
            RoutingAssignments.LeastLoaded => Routing.LeastLoaded(ids, await OpenWorkAsync(ids, ct)),
            _ => null,
        };
        return new Route(rule, team.Id, assignee, members.FirstOrDefault(m => m.Id == assignee)?.DisplayName);
    }

    private async Task<Guid?> NextInTurnAsync(Guid teamId, IReadOnlyList<Guid> members, CancellationToken ct)
    {
        TeamRotation? rotation;
        if (db.Database.IsNpgsql())
        {
            // Tickets opened at once for one team wait for each other here instead of failing on the version.
            await db.Database.ExecuteSqlAsync($"INSERT INTO team_rotations (team_id, version) VALUES ({teamId}, 0) ON CONFLICT (team_id) DO NOTHING", ct);
            rotation = await db.Set<TeamRotation>().FromSql($"SELECT * FROM team_rotations WHERE team_id = {teamId} FOR UPDATE").SingleAsync(ct);
        }
        else
        {
            rotation = await db.Set<TeamRotation>().SingleOrDefaultAsync(r => r.TeamId == teamId, ct);
        }

        if (rotation is null)
        {
            rotation = new TeamRotation { TeamId = teamId };
            db.Add(rotation);
        }

        var next = Routing.NextInTurn(members, rotation.LastAssigneeId);
        rotation.LastAssigneeId = next;
        rotation.Version++;
        return next;
    }

    private async Task<Dictionary<Guid, int>> OpenWorkAsync(IReadOnlyList<Guid> members, CancellationToken ct)
    {
        var active = TicketStates.Active.ToList();
        var ids = members.ToList();
        return await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId.Value) && active.Contains(t.State))
            .GroupBy(t => t.AssigneeId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
