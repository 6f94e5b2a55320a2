using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Platform.Web;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <param name="IntoTicketId">The ticket where the work goes on.</param>
public sealed record MergeTicket(long TicketId, long? IntoTicketId, int? ExpectedVersion = null);

/// <summary>
/// An agent merges a duplicate into the ticket where the work goes on. Both tickets change in one
/// save: the duplicate is closed with a note to its requester, who watches the target from then on.
/// </summary>
public sealed class MergeTickets(RapportDb db, EventLog events, MarkdownRenderer markdown, TimeProvider time)
{
    public async Task<Result<Ticket>> MergeAsync(MergeTicket command, TicketViewer viewer, CancellationToken ct)
    {
        var watchers = db.Set<TicketWatcher>();
        var duplicate = await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Id == command.TicketId, ct);
        if (duplicate is null || !await viewer.CanSeeAsync(duplicate, watchers, ct))
        {
            return TicketErrors.NotFound(command.TicketId);
        }

        if (!viewer.CanWorkOn(duplicate))
        {
            return new ForbiddenError("tickets.agents-only", "Only agents of the ticket's department may merge it.");
        }

        if (viewer.PersonId is not { } author)
        {
            return new ForbiddenError("tickets.no-person", "Your profile in the organisation is not set up yet.");
        }

        if (command.ExpectedVersion is { } expected && expected != duplicate.Version)
        {
            return new ConcurrentEdit($"Ticket {duplicate.Id}");
        }

        if (command.IntoTicketId is not { } intoId)
        {
            return Invalid.Field("into", "Give the number of the ticket to merge into.");
        }

        var target = intoId == duplicate.Id ? duplicate : await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Id == intoId, ct);
        if (target is null || !await viewer.CanSeeAsync(target, watchers, ct))
        {
            return TicketErrors.NotFound(intoId);
        }

        if (!viewer.CanWorkOn(target))
        {
            return new ForbiddenError("tickets.merge-other-department", $"You do not work on ticket {target.Id}: merge only into tickets of your departments.");
        }

        var now = time.GetUtcNow();
        var requesterWatches = await watchers.AnyAsync(w => w.TicketId == target.Id && w.PersonId == duplicate.RequesterId, ct);
        var linksBetween = await db.Set<TicketLink>()
            .Where(l => (l.TicketId == duplicate.Id && l.OtherTicketId == target.Id) || (l.TicketId == target.Id && l.OtherTicketId == duplicate.Id))
            .ToListAsync(ct);
        var publicNote = Note(duplicate, author, viewer.Name, isInternal: false, now, MergeNote.ForRequester(duplicate, target));
        var merged = duplicate.MergeInto(target, publicNote.Id, author, linksBetween, now);
        if (!merged.Succeeded)
        {
            return merged.Error;
        }

        var internalNoteId = Guid.CreateVersion7(now);
        var takenIn = target.TakeInDuplicate(duplicate, internalNoteId, author, requesterWatches, now);
        var requesterNowWatches = takenIn.OfType<WatcherAdded>().Any();
        var internalNote = Note(target, author, viewer.Name, isInternal: true, now, MergeNote.ForAgents(duplicate, requesterNowWatches), internalNoteId);
        db.AddRange(publicNote, internalNote);
        if (requesterNowWatches)
        {
            db.Add(new TicketWatcher { TicketId = target.Id, PersonId = duplicate.RequesterId, AddedAt = now });
        }

        db.RemoveRange(linksBetween.Where(l => !duplicate.IsDuplicateLink(l, target)));
        if (!linksBetween.Any(l => duplicate.IsDuplicateLink(l, target)))
        {
            db.Add(new TicketLink
            {
                Id = Guid.CreateVersion7(now), TicketId = duplicate.Id, OtherTicketId = target.Id, Kind = TicketLinkKinds.DuplicateOf, CreatedAt = now,
            });
        }

        Append(duplicate, merged.Value);
        Append(target, takenIn);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConcurrentEdit($"Ticket {duplicate.Id} or {target.Id}");
        }

        return duplicate;
    }

    private void Append(Ticket ticket, IEnumerable<IEvent> facts)
    {
        foreach (var fact in facts)
        {
            events.Append(fact, "ticket", ticket.Id.ToString(CultureInfo.InvariantCulture));
        }
    }

    private TicketComment Note(Ticket ticket, Guid author, string authorName, bool isInternal, DateTimeOffset now, string body, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(now),
        TicketId = ticket.Id,
        AuthorId = author,
        AuthorName = authorName,
        ByAgent = true,
        IsInternal = isInternal,
        Body = body,
        BodyHtml = markdown.ToHtml(body),
        CreatedAt = now,
    };
}

/// <summary>What the two notes of a merge say.</summary>
public static class MergeNote
{
    public static string ForRequester(Ticket duplicate, Ticket target) =>
        duplicate.RequesterId == target.RequesterId
            ? $"This request is the same as your request #{target.Id}, so we have merged it there. The work continues in #{target.Id}: please follow it there."
            : $"This request is the same as request #{target.Id}, so we have merged it there. The work continues in #{target.Id}: you now follow it and see its progress among your requests.";

    public static string ForAgents(Ticket duplicate, bool requesterNowWatches) =>
        $"#{duplicate.Id} “{duplicate.Subject}” merged into this as a duplicate."
        + (requesterNowWatches ? $" Its requester, {duplicate.RequesterName}, now watches this ticket." : "");
}
