using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Platform.Web;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>The lists a person works from. Each is keyset-paged, newest first.</summary>
public static class TicketQueues
{
    public const string Mine = "mine";
    public const string Team = "team";
    public const string Unassigned = "unassigned";
    public const string All = "all";

    /// <summary>Requests the viewer raised (the portal's list).</summary>
    public const string Requested = "requested";

    public static readonly IReadOnlyList<string> Desk = [Mine, Team, Unassigned, All];

    public static string Title(string queue) => queue switch
    {
        Mine => "My work",
        Team => "My teams",
        Unassigned => "Unassigned",
        All => "All I may see",
        Requested => "My requests",
        _ => queue,
    };
}

/// <param name="Tag">Only tickets with this tag (as written: it is normalised here). Tags are the agents' filing, so it matches only tickets the viewer works on.</param>
public sealed record TicketFilter(string Queue, string? State = null, string? Cursor = null, int? Size = null, string? Tag = null);

public sealed record TicketHistoryEntry(long Sequence, string Type, DateTimeOffset OccurredAt, string? ActorId, ActorKind ActorKind, string Payload);

public sealed record TicketDetails(Ticket Ticket, IReadOnlyList<TicketComment> Comments, IReadOnlyList<TicketHistoryEntry> History);

public sealed class TicketQueries(RapportDb db)
{
    /// <summary>What requesters and watchers do not read in a ticket's history: internal notes, and the agents' own filing.</summary>
    private static readonly List<string> AgentsOnlyHistory =
    [
        EventNames.Of<InternalNoteAdded>(),
        EventNames.Of<TicketTagAdded>(),
        EventNames.Of<TicketTagRemoved>(),
        EventNames.Of<TicketLinked>(),
        EventNames.Of<TicketUnlinked>(),
    ];

    public async Task<Page<Ticket>> ListAsync(TicketFilter filter, TicketViewer viewer, CancellationToken ct)
    {
        var size = Paging.Size(filter.Size);
        var me = viewer.PersonId ?? Guid.Empty;
        var tickets = db.Set<Ticket>().AsNoTracking().VisibleTo(viewer, db.Set<TicketWatcher>());
        var watched = db.Set<TicketWatcher>().Where(w => w.PersonId == me).Select(w => w.TicketId);
        var teams = viewer.TeamIds.ToList();
        tickets = filter.Queue switch
        {
            TicketQueues.Mine => tickets.Where(t => t.AssigneeId == me),
            TicketQueues.Team => tickets.Where(t => t.TeamId != null && teams.Contains(t.TeamId.Value)),
            TicketQueues.Unassigned => tickets.Where(t => t.AssigneeId == null),
            // Two index-led halves rather than one OR that no index serves. They never overlap: a
            // requester does not watch their own ticket. Both are visible by definition.
            TicketQueues.Requested => db.Set<Ticket>().AsNoTracking().Where(t => t.RequesterId == me)
                .Concat(db.Set<Ticket>().AsNoTracking().Where(t => watched.Contains(t.Id))),
            _ => tickets,
        };

        if (filter.State is "active")
        {
            var active = TicketStates.Active.ToList();
            tickets = tickets.Where(t => active.Contains(t.State));
        }
        else if (!string.IsNullOrEmpty(filter.State))
        {
            tickets = tickets.Where(t => t.State == filter.State);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = TagNames.Normalise(filter.Tag).Value ?? "";
            tickets = tickets.Where(t => db.Set<TicketTag>().Any(g => g.TicketId == t.Id && g.Tag == tag));
            if (!viewer.IsAdmin)
            {
                var departments = viewer.IsStaff ? viewer.DepartmentIds.ToList() : [];
                tickets = tickets.Where(t => departments.Contains(t.DepartmentId));
            }
        }

        if (Paging.Decode<long?>(filter.Cursor) is { } after)
        {
            tickets = tickets.Where(t => t.Id < after);
        }

        var rows = await tickets.OrderByDescending(t => t.Id).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size ? Paging.Encode<long?>(rows[size - 1].Id) : null;
        return new Page<Ticket>(rows.Take(size).ToList(), next);
    }

    /// <summary>A ticket with what the viewer may read of its conversation and its history; null when they may not see it.</summary>
    public async Task<TicketDetails?> GetAsync(long ticketId, TicketViewer viewer, CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !await viewer.CanSeeAsync(ticket, db.Set<TicketWatcher>(), ct))
        {
            return null;
        }

        var agent = viewer.CanWorkOn(ticket);
        var comments = await db.Set<TicketComment>().AsNoTracking()
            .Where(c => c.TicketId == ticketId && (agent || !c.IsInternal))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var caseId = ticketId.ToString(CultureInfo.InvariantCulture);
        var history = await db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.CaseType == "ticket" && e.CaseId == caseId && (agent || !AgentsOnlyHistory.Contains(e.Type)))
            .OrderBy(e => e.Sequence)
            .Select(e => new TicketHistoryEntry(e.Sequence, e.Type, e.OccurredAt, e.ActorId, e.ActorKind, e.Payload))
            .ToListAsync(ct);
        return new TicketDetails(ticket, comments, history);
    }

    /// <summary>The tags of the given tickets that the viewer works on (tags are not shown to requesters), for queue rows.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> TagsOfAsync(IEnumerable<Ticket> tickets, TicketViewer viewer, CancellationToken ct)
    {
        var ids = tickets.Where(viewer.CanWorkOn).Select(t => t.Id).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<string>>();
        }

        var rows = await db.Set<TicketTag>().AsNoTracking()
            .Where(g => ids.Contains(g.TicketId))
            .Select(g => new { g.TicketId, g.Tag })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.TicketId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Tag).Order(StringComparer.Ordinal)]);
    }
}
