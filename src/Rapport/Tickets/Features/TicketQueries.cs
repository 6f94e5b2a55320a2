using System.Globalization;
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

public sealed record TicketFilter(string Queue, string? State = null, string? Cursor = null, int? Size = null);

public sealed record TicketHistoryEntry(long Sequence, string Type, DateTimeOffset OccurredAt, string? ActorId, ActorKind ActorKind, string Payload);

public sealed record TicketDetails(
    Ticket Ticket, IReadOnlyList<TicketComment> Comments, IReadOnlyList<TicketHistoryEntry> History, IReadOnlyList<TicketAttachment> Attachments);

public sealed class TicketQueries(RapportDb db)
{
    public async Task<Page<Ticket>> ListAsync(TicketFilter filter, TicketViewer viewer, CancellationToken ct)
    {
        var size = Paging.Size(filter.Size);
        var me = viewer.PersonId ?? Guid.Empty;
        var tickets = db.Set<Ticket>().AsNoTracking().VisibleTo(viewer);
        var teams = viewer.TeamIds.ToList();
        tickets = filter.Queue switch
        {
            TicketQueues.Mine => tickets.Where(t => t.AssigneeId == me),
            TicketQueues.Team => tickets.Where(t => t.TeamId != null && teams.Contains(t.TeamId.Value)),
            TicketQueues.Unassigned => tickets.Where(t => t.AssigneeId == null),
            TicketQueues.Requested => tickets.Where(t => t.RequesterId == me),
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
