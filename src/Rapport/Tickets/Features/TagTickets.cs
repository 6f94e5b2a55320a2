using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

public sealed record TagTicket(long TicketId, string? Tag);

public sealed record UntagTicket(long TicketId, string? Tag);

/// <summary>Agents file tickets under tags, to find and group them: "vpn", "new-starter".</summary>
public sealed class TagTickets(TicketChanges changes, RapportDb db, TimeProvider time)
{
    public async Task<Result<string>> AddAsync(TagTicket command, TicketViewer viewer, CancellationToken ct)
    {
        var tag = TagNames.Normalise(command.Tag);
        if (!tag.Succeeded)
        {
            return tag.Error;
        }

        var tags = await TagsAsync(command.TicketId, ct);
        var now = time.GetUtcNow();
        var result = await changes.ApplyAsync(command.TicketId, viewer, null, needsAgent: true, ticket =>
        {
            var decision = ticket.AddTag(tag.Value, [.. tags.Select(t => t.Tag)], now);
            if (decision.Succeeded)
            {
                db.Add(new TicketTag { TicketId = ticket.Id, Tag = tag.Value });
            }

            return TicketChanges.One(decision);
        }, ct);
        return result.Succeeded ? tag.Value : result.Error;
    }

    public async Task<Result<Ticket>> RemoveAsync(UntagTicket command, TicketViewer viewer, CancellationToken ct)
    {
        var tag = TagNames.Normalise(command.Tag);
        if (!tag.Succeeded)
        {
            return tag.Error;
        }

        var tags = await TagsAsync(command.TicketId, ct);
        var now = time.GetUtcNow();
        return await changes.ApplyAsync(command.TicketId, viewer, null, needsAgent: true, ticket =>
        {
            var decision = ticket.RemoveTag(tag.Value, [.. tags.Select(t => t.Tag)], now);
            if (decision.Succeeded)
            {
                db.Remove(tags.Single(t => t.Tag == tag.Value));
            }

            return TicketChanges.One(decision);
        }, ct);
    }

    private Task<List<TicketTag>> TagsAsync(long ticketId, CancellationToken ct) =>
        db.Set<TicketTag>().Where(t => t.TicketId == ticketId).ToListAsync(ct);
}
