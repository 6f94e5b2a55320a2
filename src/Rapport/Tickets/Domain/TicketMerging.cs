using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Tickets.Domain;

/// <summary>
/// Merging a duplicate into the ticket where the work goes on: the duplicate tells its requester where
/// to look and closes; the target takes its requester in as a watcher.
/// </summary>
public sealed partial class Ticket
{
    /// <summary>
    /// Decides the merge of this ticket into <paramref name="target"/> and records it on this ticket: the
    /// public note <paramref name="noteId"/> that tells the requester where the work continues, then the close.
    /// The merge makes this ticket a duplicate of the target, so any other link between the two goes
    /// (two tickets have one link at most): those are among the events, and the caller removes them.
    /// </summary>
    public Result<IReadOnlyList<IEvent>> MergeInto(Ticket target, Guid noteId, Guid authorId, IReadOnlyCollection<TicketLink> linksBetween, DateTimeOffset now)
    {
        if (target.Id == Id)
        {
            return Invalid.Field("into", "A ticket cannot be merged into itself.");
        }

        if (MergedIntoId is { } merged)
        {
            return new ConflictError("tickets.merged-already", $"Ticket {Id} was merged into #{merged} already.");
        }

        if (!TicketStates.CanCloseAsDuplicate(State))
        {
            return new ConflictError("tickets.closed", $"Ticket {Id} is closed: only a ticket still in the works can be merged.");
        }

        if (target.MergedIntoId is { } further)
        {
            return new ConflictError("tickets.target-merged", $"Ticket {target.Id} was itself merged into #{further}: merge into #{further} instead.");
        }

        if (target.State == TicketStates.Closed)
        {
            return new ConflictError("tickets.target-closed", $"Ticket {target.Id} is closed: merge into a ticket whose work goes on.");
        }

        var from = State;
        MergedIntoId = target.Id;
        State = TicketStates.Closed;
        ClosedAt = now;
        FirstRespondedAt ??= now;
        Touch(now);
        return Result.Ok<IReadOnlyList<IEvent>>(
        [
            new TicketMerged(Id, target.Id),
            .. linksBetween.Where(l => !IsDuplicateLink(l, target)).Select(l => new TicketUnlinked(l.TicketId, l.Id, l.OtherTicketId, l.Kind)),
            new ReplyAdded(Id, noteId, authorId, "agent"),
            new TicketStateChanged(Id, from, TicketStates.Closed, $"Merged into #{target.Id}."),
        ]);
    }

    /// <summary>The link a merge leaves between the two tickets: this one is a duplicate of the target.</summary>
    public bool IsDuplicateLink(TicketLink link, Ticket target) =>
        link.TicketId == Id && link.OtherTicketId == target.Id && link.Kind == TicketLinkKinds.DuplicateOf;

    /// <summary>
    /// The target's side of a merge: the internal note <paramref name="noteId"/> that says so, and the
    /// duplicate's requester as a watcher unless they follow this ticket already.
    /// </summary>
    public IReadOnlyList<IEvent> TakeInDuplicate(Ticket duplicate, Guid noteId, Guid authorId, bool requesterWatchesAlready, DateTimeOffset now)
    {
        var events = new List<IEvent> { new InternalNoteAdded(Id, noteId, authorId) };
        if (duplicate.RequesterId != RequesterId && !requesterWatchesAlready)
        {
            events.Add(new WatcherAdded(Id, duplicate.RequesterId, duplicate.RequesterName));
        }

        Touch(now);
        return events;
    }
}
