using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Tickets.Domain;

/// <summary>Who follows a ticket besides its requester. The watchers are facts the caller reads first.</summary>
public sealed partial class Ticket
{
    /// <summary>Enough for a team and its stakeholders; more is a sign that the ticket wants a mailing list.</summary>
    public const int MaxWatchers = 50;

    public Result<IEvent> AddWatcher(Guid personId, string personName, IReadOnlyCollection<Guid> watchers, DateTimeOffset now)
    {
        if (MergedIntoId is { } into)
        {
            return new ConflictError("tickets.merged", $"Ticket {Id} was merged into #{into}: watch #{into} instead.");
        }

        if (personId == RequesterId)
        {
            return new ConflictError("tickets.watcher-is-requester", $"{personName} raised ticket {Id} and follows it anyway.");
        }

        if (watchers.Contains(personId))
        {
            return new ConflictError("tickets.already-watching", $"{personName} watches ticket {Id} already.");
        }

        if (watchers.Count >= MaxWatchers)
        {
            return new ConflictError("tickets.too-many-watchers", $"Ticket {Id} has {MaxWatchers} watchers, as many as a ticket may have.");
        }

        Touch(now);
        return Result.Ok<IEvent>(new WatcherAdded(Id, personId, personName));
    }

    public Result<IEvent> RemoveWatcher(Guid personId, string personName, IReadOnlyCollection<Guid> watchers, DateTimeOffset now)
    {
        if (!watchers.Contains(personId))
        {
            return new NotFoundError("tickets.not-watching", $"{personName} does not watch ticket {Id}.");
        }

        Touch(now);
        return Result.Ok<IEvent>(new WatcherRemoved(Id, personId, personName));
    }
}
