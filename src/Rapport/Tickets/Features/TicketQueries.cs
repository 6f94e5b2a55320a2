using System.Globalization;
using System.Text.Json.Serialization;
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

/// <summary>
/// Which tickets a list shows and in which order. <see cref="State"/> null means every state;
/// <see cref="Assignee"/> is "me", "none" or a person's id (see <see cref="QueueView"/>).
/// </summary>
public sealed record TicketFilter(string Queue, string? State = null, string? Cursor = null, int? Size = null)
{
    public string? Priority { get; init; }

    public string? Type { get; init; }

    public Guid? ServiceId { get; init; }

    public Guid? TeamId { get; init; }

    public string? Assignee { get; init; }

    /// <summary>Words the subject contains, case-insensitive.</summary>
    public string? Text { get; init; }

    public string Sort { get; init; } = TicketSorts.Newest;

    /// <summary>Only tickets with this tag (as written: it is normalised here). Tags are the agents' filing, so it matches only tickets the viewer works on.</summary>
    public string? Tag { get; init; }
}

public sealed record TicketHistoryEntry(long Sequence, string Type, DateTimeOffset OccurredAt, string? ActorId, ActorKind ActorKind, string Payload);

public sealed record TicketDetails(
    Ticket Ticket, IReadOnlyList<TicketComment> Comments, IReadOnlyList<TicketHistoryEntry> History, IReadOnlyList<TicketAttachment> Attachments);

public sealed class TicketQueries(RapportDb db)
{
    /// <summary>What requesters and watchers do not read in a ticket's history: internal notes, and the agents' own filing.</summary>
    private static readonly List<string> AgentsOnlyHistory =
    [
        EventNames.Of<InternalNoteAdded>(),
        EventNames.Of<ColleagueMentioned>(),
        EventNames.Of<Rapport.Clocks.Contracts.ClockAtRisk>(),
        EventNames.Of<Rapport.Clocks.Contracts.ClockBreached>(),
        EventNames.Of<TicketTagAdded>(),
        EventNames.Of<TicketTagRemoved>(),
        EventNames.Of<TicketLinked>(),
        EventNames.Of<TicketUnlinked>(),
    ];

    public async Task<Page<Ticket>> ListAsync(TicketFilter filter, TicketViewer viewer, CancellationToken ct)
    {
        var size = Paging.Size(filter.Size);
        // "My requests" is the requester's own tickets and those they watch, whatever the department.
        var parts = filter.Queue == TicketQueues.Requested
            ? [Narrow(db.Set<Ticket>().AsNoTracking(), filter, viewer)]
            : VisibleParts(viewer, filter.State).Select(part => Narrow(part, filter, viewer)).ToList();

        // A cursor made for another order would skip or repeat tickets: start that order from the top.
        var after = Paging.Decode<QueueCursor>(filter.Cursor) is { } cursor && cursor.Sort == filter.Sort ? cursor : null;
        var rows = filter.Sort switch
        {
            TicketSorts.Priority => await ByPriorityAsync(parts, filter.Priority, after, size + 1, ct),
            TicketSorts.Due => await FirstAsync(parts, part => ByDueAsync(part, after, size + 1, ct), DueOrder, size + 1),
            _ => await FirstAsync(parts, part => Ordered(part, filter.Sort, after).Take(size + 1).ToListAsync(ct), InOrder(filter.Sort), size + 1),
        };
        var next = rows.Count > size ? Paging.Encode(QueueCursor.After(filter.Sort, rows[size - 1])) : null;
        return new Page<Ticket>(rows.Take(size).ToList(), next);
    }

    /// <summary>
    /// What the viewer may see, as parts the database can each read in the list's order straight from
    /// the (department, state, number) index: one part per department the viewer works for and state
    /// the list shows, and their own requests elsewhere. As one query ("department in (…) or requester
    /// = me") both databases gather and sort every visible ticket before they can return the first
    /// page, which at a million tickets takes seconds.
    /// </summary>
    private List<IQueryable<Ticket>> VisibleParts(TicketViewer viewer, string? state)
    {
        var tickets = db.Set<Ticket>().AsNoTracking();
        if (viewer.IsAdmin)
        {
            return [tickets];
        }

        var me = viewer.PersonId ?? Guid.Empty;
        var departments = viewer.IsStaff ? viewer.DepartmentIds.Distinct().ToList() : [];
        IReadOnlyList<string> states = state switch
        {
            null => TicketStates.All,
            QueueView.ActiveStates => TicketStates.Active,
            _ => [state],
        };
        var parts = (from department in departments
                     from one in states
                     select tickets.Where(t => t.DepartmentId == department && t.State == one)).ToList();
        parts.Add(departments.Count == 0
            ? tickets.Where(t => t.RequesterId == me)
            : tickets.Where(t => t.RequesterId == me && !departments.Contains(t.DepartmentId)));
        var watched = db.Set<TicketWatcher>().Where(w => w.PersonId == me).Select(w => w.TicketId);
        parts.Add(tickets.Where(t => watched.Contains(t.Id) && t.RequesterId != me && !departments.Contains(t.DepartmentId)));
        return parts;
    }

    /// <summary>The first <paramref name="count"/> rows of the parts together, in the list's order (each part read in that order).</summary>
    private static async Task<List<Ticket>> FirstAsync(
        List<IQueryable<Ticket>> parts, Func<IQueryable<Ticket>, Task<List<Ticket>>> firstOf, Comparison<Ticket> order, int count)
    {
        var rows = new List<Ticket>();
        foreach (var part in parts)
        {
            rows.AddRange(await firstOf(part));
        }

        if (parts.Count > 1)
        {
            rows.Sort(order);
        }

        return rows.Count > count ? rows[..count] : rows;
    }

    /// <summary>The order of <see cref="ByDueAsync"/>, for rows already read: due soonest first, then the rest newest first.</summary>
    private static int DueOrder(Ticket a, Ticket b) => (a.DueAt, b.DueAt) switch
    {
        ({ } x, { } y) when x != y => x.CompareTo(y),
        ({ }, { }) => a.Id.CompareTo(b.Id),
        ({ }, null) => -1,
        (null, { }) => 1,
        _ => b.Id.CompareTo(a.Id),
    };

    /// <summary>The same order as <see cref="Ordered"/>, for rows already read.</summary>
    private static Comparison<Ticket> InOrder(string sort) => sort switch
    {
        TicketSorts.Oldest => (a, b) => a.Id.CompareTo(b.Id),
        TicketSorts.Updated => (a, b) => b.UpdatedAt != a.UpdatedAt ? b.UpdatedAt.CompareTo(a.UpdatedAt) : b.Id.CompareTo(a.Id),
        TicketSorts.Untouched => (a, b) => a.UpdatedAt != b.UpdatedAt ? a.UpdatedAt.CompareTo(b.UpdatedAt) : a.Id.CompareTo(b.Id),
        _ => (a, b) => b.Id.CompareTo(a.Id),
    };

    private IQueryable<Ticket> Narrow(IQueryable<Ticket> tickets, TicketFilter filter, TicketViewer viewer)
    {
        var me = viewer.PersonId ?? Guid.Empty;
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

        if (filter.State is QueueView.ActiveStates)
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

        if (filter.Priority is { } priority)
        {
            tickets = tickets.Where(t => t.Priority == priority);
        }

        if (filter.Type is { } type)
        {
            tickets = tickets.Where(t => t.Type == type);
        }

        if (filter.ServiceId is { } service)
        {
            tickets = tickets.Where(t => t.ServiceId == service);
        }

        if (filter.TeamId is { } team)
        {
            tickets = tickets.Where(t => t.TeamId == team);
        }

        tickets = filter.Assignee switch
        {
            null => tickets,
            QueueView.AssignedToMe => tickets.Where(t => t.AssigneeId == me),
            QueueView.AssignedToNobody => tickets.Where(t => t.AssigneeId == null),
            _ when Guid.TryParse(filter.Assignee, out var person) => tickets.Where(t => t.AssigneeId == person),
            _ => tickets,
        };

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // Runs as SQL: upper() on both sides ignores case the same way on SQLite and PostgreSQL
            // (where LIKE differs); the culture overloads do not translate.
            var words = filter.Text.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862
            tickets = tickets.Where(t => t.Subject.ToUpper().Contains(words));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return tickets;
    }

    /// <summary>The rows after the cursor in one order; the ticket number breaks ties, so no two rows share a key.</summary>
    private static IQueryable<Ticket> Ordered(IQueryable<Ticket> tickets, string sort, QueueCursor? after)
    {
        var id = after?.Id ?? 0;
        var at = after?.UpdatedAt ?? DateTimeOffset.MinValue;
        return sort switch
        {
            TicketSorts.Oldest => (after is null ? tickets : tickets.Where(t => t.Id > id))
                .OrderBy(t => t.Id),
            TicketSorts.Updated => (after is null ? tickets : tickets.Where(t => t.UpdatedAt < at || (t.UpdatedAt == at && t.Id < id)))
                .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
            TicketSorts.Untouched => (after is null ? tickets : tickets.Where(t => t.UpdatedAt > at || (t.UpdatedAt == at && t.Id > id)))
                .OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
            _ => (after is null ? tickets : tickets.Where(t => t.Id < id))
                .OrderByDescending(t => t.Id),
        };
    }

    /// <summary>
    /// Most urgent first. Priorities are words, which do not sort by urgency, so each level is read in
    /// turn (at most four short reads) by equality on the priority, newest first within it.
    /// </summary>
    private static async Task<List<Ticket>> ByPriorityAsync(
        List<IQueryable<Ticket>> parts, string? onlyPriority, QueueCursor? after, int count, CancellationToken ct)
    {
        var rows = new List<Ticket>(count);
        for (var rank = after?.Rank ?? 0; rank < TicketPriorities.All.Count && rows.Count < count; rank++)
        {
            var priority = TicketPriorities.All[rank];
            if (onlyPriority is not null && onlyPriority != priority)
            {
                continue;
            }

            var id = after is not null && rank == after.Rank ? after.Id : long.MaxValue;
            var wanted = count - rows.Count;
            rows.AddRange(await FirstAsync(
                parts, part => part.Where(t => t.Priority == priority && t.Id < id).OrderByDescending(t => t.Id).Take(wanted).ToListAsync(ct),
                InOrder(TicketSorts.Newest), wanted));
        }

        return rows;
    }

    /// <summary>
    /// Due soonest first: tickets with a running promise clock by their due time, then those without,
    /// newest first. Two keyset reads at most, each on its own index order.
    /// </summary>
    private static async Task<List<Ticket>> ByDueAsync(IQueryable<Ticket> tickets, QueueCursor? after, int count, CancellationToken ct)
    {
        var rows = new List<Ticket>(count);
        if (after is null || after.DueAt is not null)
        {
            var due = tickets.Where(t => t.DueAt != null);
            if (after?.DueAt is { } at)
            {
                var id = after.Id;
                due = due.Where(t => t.DueAt > at || (t.DueAt == at && t.Id > id));
            }

            rows.AddRange(await due.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(count).ToListAsync(ct));
        }

        if (rows.Count < count)
        {
            var undue = tickets.Where(t => t.DueAt == null);
            if (after is { DueAt: null })
            {
                var id = after.Id;
                undue = undue.Where(t => t.Id < id);
            }

            rows.AddRange(await undue.OrderByDescending(t => t.Id).Take(count - rows.Count).ToListAsync(ct));
        }

        return rows;
    }

    /// <summary>Unfinished tickets of the viewer's teams whose first running promise clock is past due, most overdue first.</summary>
    public async Task<IReadOnlyList<Ticket>> OverdueAsync(TicketViewer viewer, DateTimeOffset now, int count, CancellationToken ct)
    {
        var teams = viewer.TeamIds.ToList();
        return await db.Set<Ticket>().AsNoTracking().VisibleTo(viewer, db.Set<TicketWatcher>())
            .Where(t => t.TeamId != null && teams.Contains(t.TeamId.Value) && t.DueAt != null && t.DueAt <= now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(count)
            .ToListAsync(ct);
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
        var attachments = await db.Set<TicketAttachment>().AsNoTracking()
            .Where(a => a.TicketId == ticketId && (agent || !a.IsInternal))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.FileName)
            .ToListAsync(ct);
        var caseId = ticketId.ToString(CultureInfo.InvariantCulture);
        var history = await db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.CaseType == "ticket" && e.CaseId == caseId && (agent || !AgentsOnlyHistory.Contains(e.Type)))
            .OrderBy(e => e.Sequence)
            .Select(e => new TicketHistoryEntry(e.Sequence, e.Type, e.OccurredAt, e.ActorId, e.ActorKind, e.Payload))
            .ToListAsync(ct);
        if (!agent)
        {
            history = [.. history.Where(e => e.Type != AttachmentAddedType || IsVisibleAttachment(e.Payload, attachments))];
        }

        return new TicketDetails(ticket, comments, history, attachments);
    }

    /// <summary>An attachment of a ticket, when the viewer may download it; null otherwise.</summary>
    public async Task<TicketAttachment?> FindAttachmentAsync(long ticketId, Guid attachmentId, TicketViewer viewer, CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !await viewer.CanSeeAsync(ticket, db.Set<TicketWatcher>(), ct))
        {
            return null;
        }

        var agent = viewer.CanWorkOn(ticket);
        return await db.Set<TicketAttachment>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticketId && (agent || !a.IsInternal), ct);
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

    private static readonly string AttachmentAddedType = EventNames.Of<Contracts.AttachmentAdded>();

    /// <summary>Requesters see the history of the files they may download, not of internal ones.</summary>
    private static bool IsVisibleAttachment(string payload, IReadOnlyList<TicketAttachment> visible)
    {
        using var json = System.Text.Json.JsonDocument.Parse(payload);
        return json.RootElement.TryGetProperty("attachmentId", out var id) && id.TryGetGuid(out var attachmentId)
            && visible.Any(a => a.Id == attachmentId);
    }
}

/// <summary>Where a page of a queue ended, in the terms of its order: the cursor's content.</summary>
internal sealed record QueueCursor(
    [property: JsonPropertyName("s")] string Sort,
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("u")] DateTimeOffset? UpdatedAt = null,
    [property: JsonPropertyName("p")] int? Rank = null,
    [property: JsonPropertyName("d")] DateTimeOffset? DueAt = null)
{
    public static QueueCursor After(string sort, Ticket last) => sort switch
    {
        TicketSorts.Due => new(sort, last.Id, DueAt: last.DueAt),
        TicketSorts.Updated or TicketSorts.Untouched => new(sort, last.Id, UpdatedAt: last.UpdatedAt),
        TicketSorts.Priority => new(sort, last.Id, Rank: RankOf(last.Priority)),
        _ => new(sort, last.Id),
    };

    /// <summary>The position of a priority in <see cref="TicketPriorities.All"/>, which lists them most urgent first.</summary>
    private static int RankOf(string priority)
    {
        var rank = TicketPriorities.All.ToList().IndexOf(priority);
        return rank < 0 ? TicketPriorities.All.Count : rank;
    }
}
