using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>
/// The one way a ticket changes: load it as the viewer may see it, check the version the person saw,
/// let the ticket decide, then save the change and its events together. Someone else's change in
/// between is a conflict, never a silent overwrite.
/// </summary>
public sealed class TicketChanges(RapportDb db, EventLog events)
{
    public async Task<Result<Ticket>> ApplyAsync(
        long ticketId,
        TicketViewer viewer,
        int? expectedVersion,
        bool needsAgent,
        Func<Ticket, Result<IReadOnlyList<IEvent>>> decide,
        CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !await viewer.CanSeeAsync(ticket, db.Set<TicketWatcher>(), ct))
        {
            return TicketErrors.NotFound(ticketId);
        }

        if (needsAgent && !viewer.CanWorkOn(ticket))
        {
            return new ForbiddenError("tickets.agents-only", "Only agents of the ticket's department may do this.");
        }

        if (expectedVersion is { } expected && expected != ticket.Version)
        {
            return new ConcurrentEdit($"Ticket {ticketId}");
        }

        var decision = decide(ticket);
        if (!decision.Succeeded)
        {
            return decision.Error;
        }

        foreach (var fact in decision.Value)
        {
            events.Append(fact, "ticket", ticket.Id.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConcurrentEdit($"Ticket {ticketId}");
        }

        return ticket;
    }

    public static Result<IReadOnlyList<IEvent>> One(Result<IEvent> result) =>
        result.Succeeded ? Result.Ok<IReadOnlyList<IEvent>>([result.Value]) : result.Error;
}

public static class TicketErrors
{
    public static NotFoundError NotFound(long ticketId) =>
        new("tickets.not-found", $"Ticket {ticketId} does not exist, or you may not see it.");
}
