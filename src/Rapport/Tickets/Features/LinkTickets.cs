using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <param name="OtherTicketId">The number of the other ticket.</param>
/// <param name="Kind">related, duplicate-of or caused-by, read from this ticket: "this is a duplicate of the other".</param>
public sealed record LinkTicket(long TicketId, long? OtherTicketId, string? Kind);

public sealed record UnlinkTicket(long TicketId, Guid LinkId);

/// <summary>Agents relate tickets to each other; a link shows on both of its tickets.</summary>
public sealed class LinkTickets(TicketChanges changes, RapportDb db, TimeProvider time)
{
    public async Task<Result<TicketLink>> LinkAsync(LinkTicket command, TicketViewer viewer, CancellationToken ct)
    {
        if (command.OtherTicketId is not { } otherId)
        {
            return Invalid.Field("ticket", "Give the number of the ticket to link to.");
        }

        var other = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == otherId, ct);
        var otherVisible = other is not null && await viewer.CanSeeAsync(other, db.Set<TicketWatcher>(), ct);
        var between = await db.Set<TicketLink>().AsNoTracking()
            .Where(l => (l.TicketId == command.TicketId && l.OtherTicketId == otherId) || (l.TicketId == otherId && l.OtherTicketId == command.TicketId))
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        var link = new TicketLink
        {
            Id = Guid.CreateVersion7(now), TicketId = command.TicketId, OtherTicketId = otherId, Kind = command.Kind?.Trim() ?? "", CreatedAt = now,
        };
        var result = await changes.ApplyAsync(command.TicketId, viewer, null, needsAgent: true, ticket =>
        {
            if (otherId != ticket.Id && !otherVisible)
            {
                return TicketErrors.NotFound(otherId);
            }

            var decision = ticket.Link(link.Id, otherId, link.Kind, between, now);
            if (decision.Succeeded)
            {
                db.Add(link);
            }

            return TicketChanges.One(decision);
        }, ct);
        return result.Succeeded ? link : result.Error;
    }

    public async Task<Result<Ticket>> UnlinkAsync(UnlinkTicket command, TicketViewer viewer, CancellationToken ct)
    {
        var link = await db.Set<TicketLink>()
            .SingleOrDefaultAsync(l => l.Id == command.LinkId && (l.TicketId == command.TicketId || l.OtherTicketId == command.TicketId), ct);
        var now = time.GetUtcNow();
        return await changes.ApplyAsync(command.TicketId, viewer, null, needsAgent: true, ticket =>
        {
            if (link is null)
            {
                return new NotFoundError("tickets.link-not-found", $"Ticket {ticket.Id} has no such link. Someone may have removed it already.");
            }

            var decision = ticket.Unlink(link, now);
            if (decision.Succeeded)
            {
                db.Remove(link);
            }

            return TicketChanges.One(decision);
        }, ct);
    }
}
