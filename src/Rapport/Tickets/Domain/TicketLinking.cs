using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Tickets.Domain;

/// <summary>Relations to other tickets. The links already between the two tickets are facts the caller reads first.</summary>
public sealed partial class Ticket
{
    public Result<IEvent> Link(Guid linkId, long otherTicketId, string? kind, IReadOnlyCollection<TicketLink> linksBetween, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(kind) || !TicketLinkKinds.All.Contains(kind))
        {
            return Invalid.Field("kind", $"Choose how the tickets relate: {string.Join(", ", TicketLinkKinds.All)}.");
        }

        if (otherTicketId == Id)
        {
            return Invalid.Field("ticket", "A ticket cannot be linked to itself.");
        }

        if (linksBetween.FirstOrDefault() is { } existing)
        {
            return existing.TicketId == Id && existing.Kind == kind
                ? new ConflictError("tickets.already-linked", $"Ticket {Id} is {TicketLinkReadings.Read(kind, fromOtherSide: false)} #{otherTicketId} already.")
                : new ConflictError("tickets.already-linked",
                    $"Tickets #{Id} and #{otherTicketId} are linked already: #{existing.TicketId} is {TicketLinkReadings.Read(existing.Kind, fromOtherSide: false)} #{existing.OtherTicketId}. Remove that link first to link them differently.");
        }

        Touch(now);
        return Result.Ok<IEvent>(new TicketLinked(Id, linkId, otherTicketId, kind));
    }

    /// <summary>Removes a link from either of its ends; the event keeps the link's own direction.</summary>
    public Result<IEvent> Unlink(TicketLink link, DateTimeOffset now)
    {
        if (link.TicketId != Id && link.OtherTicketId != Id)
        {
            return new NotFoundError("tickets.link-not-found", $"Ticket {Id} has no such link.");
        }

        Touch(now);
        return Result.Ok<IEvent>(new TicketUnlinked(link.TicketId, link.Id, link.OtherTicketId, link.Kind));
    }
}

/// <summary>How a link reads from each of its ends: "#12 is a duplicate of #14", "#14 has duplicate #12".</summary>
public static class TicketLinkReadings
{
    public static string Read(string kind, bool fromOtherSide) => (kind, fromOtherSide) switch
    {
        (TicketLinkKinds.Related, _) => "related to",
        (TicketLinkKinds.DuplicateOf, false) => "a duplicate of",
        (TicketLinkKinds.DuplicateOf, true) => "duplicated by",
        (TicketLinkKinds.CausedBy, false) => "caused by",
        (TicketLinkKinds.CausedBy, true) => "the cause of",
        _ => kind,
    };

    /// <summary>As a short label in a list of a ticket's links: "duplicate of #14", "has duplicate #12", "caused #12".</summary>
    public static string Label(string kind, bool fromOtherSide) => (kind, fromOtherSide) switch
    {
        (TicketLinkKinds.Related, _) => "related to",
        (TicketLinkKinds.DuplicateOf, false) => "duplicate of",
        (TicketLinkKinds.DuplicateOf, true) => "has duplicate",
        (TicketLinkKinds.CausedBy, false) => "caused by",
        (TicketLinkKinds.CausedBy, true) => "caused",
        _ => kind,
    };

    /// <summary>For choosing a kind in a form.</summary>
    public static string Choice(string kind) => kind switch
    {
        TicketLinkKinds.Related => "is related to",
        TicketLinkKinds.DuplicateOf => "is a duplicate of",
        TicketLinkKinds.CausedBy => "is caused by",
        _ => kind,
    };
}
