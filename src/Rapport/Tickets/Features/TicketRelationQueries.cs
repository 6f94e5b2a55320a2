using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

public sealed record WatcherView(Guid PersonId, string Name, DateTimeOffset AddedAt);

/// <summary>A link as one of its tickets sees it: "duplicate of #14", or from #14, "has duplicate #12".</summary>
/// <param name="OtherSubject">Null when the viewer may not see the other ticket.</param>
public sealed record LinkView(Guid Id, string Kind, bool FromOtherSide, long OtherTicketId, string? OtherSubject, string? OtherState, DateTimeOffset CreatedAt)
{
    public string Label => TicketLinkReadings.Label(Kind, FromOtherSide);
}

/// <summary>
/// Who follows a ticket and how it relates to others, as the viewer may know it: watchers for everyone
/// who sees the ticket; links and tags for its agents only.
/// </summary>
public sealed record TicketRelations(IReadOnlyList<WatcherView> Watchers, IReadOnlyList<LinkView> Links, IReadOnlyList<string> Tags);

public sealed class TicketRelationQueries(RapportDb db, IOrganisationDirectory organisation)
{
    public async Task<TicketRelations> GetAsync(Ticket ticket, TicketViewer viewer, CancellationToken ct)
    {
        var watchers = await WatchersAsync(ticket.Id, ct);
        if (!viewer.CanWorkOn(ticket))
        {
            return new TicketRelations(watchers, [], []);
        }

        return new TicketRelations(watchers, await LinksAsync(ticket.Id, viewer, ct), await TagsAsync(ticket.Id, ct));
    }

    /// <summary>The ticket alone, if the viewer may see it.</summary>
    public async Task<Ticket?> FindAsync(long ticketId, TicketViewer viewer, CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        return ticket is not null && await viewer.CanSeeAsync(ticket, db.Set<TicketWatcher>(), ct) ? ticket : null;
    }

    public async Task<IReadOnlyList<WatcherView>> WatchersAsync(long ticketId, CancellationToken ct)
    {
        var rows = await db.Set<TicketWatcher>().AsNoTracking().Where(w => w.TicketId == ticketId).ToListAsync(ct);
        var people = (await organisation.ListPeopleAsync([.. rows.Select(w => w.PersonId)], ct)).ToDictionary(p => p.Id);
        return [.. rows
            .Select(w => new WatcherView(w.PersonId, people.TryGetValue(w.PersonId, out var p) ? p.DisplayName : "Someone no longer in the organisation", w.AddedAt))
            .OrderBy(w => w.Name, StringComparer.CurrentCulture)];
    }

    public async Task<IReadOnlyList<LinkView>> LinksAsync(long ticketId, TicketViewer viewer, CancellationToken ct)
    {
        var links = await db.Set<TicketLink>().AsNoTracking()
            .Where(l => l.TicketId == ticketId || l.OtherTicketId == ticketId)
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .ToListAsync(ct);
        var otherIds = links.Select(l => l.TicketId == ticketId ? l.OtherTicketId : l.TicketId).Distinct().ToList();
        var others = await db.Set<Ticket>().AsNoTracking()
            .VisibleTo(viewer, db.Set<TicketWatcher>())
            .Where(t => otherIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Subject, t.State })
            .ToDictionaryAsync(t => t.Id, ct);
        return [.. links.Select(l =>
        {
            var fromOtherSide = l.TicketId != ticketId;
            var otherId = fromOtherSide ? l.TicketId : l.OtherTicketId;
            var other = others.GetValueOrDefault(otherId);
            return new LinkView(l.Id, l.Kind, fromOtherSide, otherId, other?.Subject, other?.State, l.CreatedAt);
        })];
    }

    public async Task<IReadOnlyList<string>> TagsAsync(long ticketId, CancellationToken ct) =>
        [.. (await db.Set<TicketTag>().AsNoTracking().Where(t => t.TicketId == ticketId).Select(t => t.Tag).ToListAsync(ct)).Order(StringComparer.Ordinal)];
}
