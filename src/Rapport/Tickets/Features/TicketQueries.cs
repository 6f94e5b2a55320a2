using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Platform.Web;
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
}

public sealed record TicketHistoryEntry(long Sequence, string Type, DateTimeOffset OccurredAt, string? ActorId, ActorKind ActorKind, string Payload);

public sealed record TicketDetails(
    Ticket Ticket, IReadOnlyList<TicketComment> Comments, IReadOnlyList<TicketHistoryEntry> History, IReadOnlyList<TicketAttachment> Attachments);

public sealed class TicketQueries(RapportDb db)
{
    public async Task<Page<Ticket>> ListAsync(TicketFilter filter, TicketViewer viewer, CancellationToken ct)
    {
        var size = Paging.Size(filter.Size);
        var parts = VisibleParts(viewer, filter.State).Select(part => Narrow(part, filter, viewer)).ToList();

        // A cursor made for another order would skip or repeat tickets: start that order from the top.
        var after = Paging.Decode<QueueCursor>(filter.Cursor) is { } cursor && cursor.Sort == filter.Sort ? cursor : null;
        var rows = filter.Sort == TicketSorts.Priority
            ? await ByPriorityAsync(parts, filter.Priority, after, size + 1, ct)
            : await FirstAsync(parts, part => Ordered(part, filter.Sort, after), InOrder(filter.Sort), size + 1, ct);
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
        return parts;
    }

    /// <summary>The first <paramref name="count"/> rows of the parts together, in the list's order.</summary>
    private static async Task<List<Ticket>> FirstAsync(
        IReadOnlyList<IQueryable<Ticket>> parts, Func<IQueryable<Ticket>, IQueryable<Ticket>> ordered, Comparison<Ticket> order,
        int count, CancellationToken ct)
    {
        var rows = new List<Ticket>();
        foreach (var part in parts)
        {
            rows.AddRange(await ordered(part).Take(count).ToListAsync(ct));
        }

        if (parts.Count > 1)
        {
            rows.Sort(order);
        }

        return rows.Count > count ? rows[..count] : rows;
    }

    /// <summary>The same order as <see cref="Ordered"/>, for rows already read.</summary>
    private static Comparison<Ticket> InOrder(string sort) => sort switch
    {
        TicketSorts.Oldest => (a, b) => a.Id.CompareTo(b.Id),
        TicketSorts.Updated => (a, b) => b.UpdatedAt != a.UpdatedAt ? b.UpdatedAt.CompareTo(a.UpdatedAt) : b.Id.CompareTo(a.Id),
        TicketSorts.Untouched => (a, b) => a.UpdatedAt != b.UpdatedAt ? a.UpdatedAt.CompareTo(b.UpdatedAt) : a.Id.CompareTo(b.Id),
        _ => (a, b) => b.Id.CompareTo(a.Id),
    };

    private static IQueryable<Ticket> Narrow(IQueryable<Ticket> tickets, TicketFilter filter, TicketViewer viewer)
    {
        var me = viewer.PersonId ?? Guid.Empty;
        var teams = viewer.TeamIds.ToList();
        tickets = filter.Queue switch
        {
            TicketQueues.Mine => tickets.Where(t => t.AssigneeId == me),
            TicketQueues.Team => tickets.Where(t => t.TeamId != null && teams.Contains(t.TeamId.Value)),
            TicketQueues.Unassigned => tickets.Where(t => t.AssigneeId == null),
            TicketQueues.Requested => tickets.Where(t => t.RequesterId == me),
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
        IReadOnlyList<IQueryable<Ticket>> parts, string? onlyPriority, QueueCursor? after, int count, CancellationToken ct)
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
            rows.AddRange(await FirstAsync(
                parts, part => part.Where(t => t.Priority == priority && t.Id < id).OrderByDescending(t => t.Id),
                InOrder(TicketSorts.Newest), count - rows.Count, ct));
        }

        return rows;
    }

    /// <summary>A ticket with what the viewer may read of its conversation and its history; null when they may not see it.</summary>
    public async Task<TicketDetails?> GetAsync(long ticketId, TicketViewer viewer, CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !viewer.CanSee(ticket))
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
            .Where(e => e.CaseType == "ticket" && e.CaseId == caseId && (agent || e.Type != "tickets.internal-note-added"))
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
        if (ticket is null || !viewer.CanSee(ticket))
        {
            return null;
        }

        var agent = viewer.CanWorkOn(ticket);
        return await db.Set<TicketAttachment>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticketId && (agent || !a.IsInternal), ct);
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
    [property: JsonPropertyName("p")] int? Rank = null)
{
    public static QueueCursor After(string sort, Ticket last) => sort switch
    {
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
