using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Bench.Features;

/// <summary>
/// A generated ticket as it goes through its life. It follows the ticket's rules (which moves are
/// allowed, what a reply does, what each change stamps), so the rows agree with the events, and
/// fails loudly if the generator ever asks for a move the product would refuse.
/// </summary>
internal sealed class TicketState(long id, CastService service, CastPerson requester, string impact, string urgency, string priority, DateTimeOffset created)
{
    private static readonly IReadOnlyList<string> Priorities = ["critical", "high", "medium", "low"];

    private static readonly Dictionary<string, string[]> Moves = new(StringComparer.Ordinal)
    {
        ["new"] = ["open", "waiting-on-requester", "waiting-on-third-party", "resolved", "closed"],
        ["open"] = ["waiting-on-requester", "waiting-on-third-party", "resolved"],
        ["waiting-on-requester"] = ["open", "waiting-on-third-party", "resolved"],
        ["waiting-on-third-party"] = ["open", "waiting-on-requester", "resolved"],
        ["resolved"] = ["open", "closed"],
        ["closed"] = [],
    };

    public long Id => id;

    public CastService Service => service;

    public CastPerson Requester => requester;

    public string Impact => impact;

    public string Urgency => urgency;

    public string State { get; private set; } = "new";

    public string Priority { get; private set; } = priority;

    public string? PriorityReason { get; private set; }

    public required string Channel { get; init; }

    public Guid? TeamId { get; private set; }

    public CastPerson? Assignee { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; } = created;

    public DateTimeOffset? FirstRespondedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ResolutionNote { get; private set; }

    public int Version { get; private set; }

    public Guid? LastCommentId { get; private set; }

    public IEvent MoveTo(string to, string? note, DateTimeOffset now)
    {
        if (!Moves[State].Contains(to))
        {
            throw new InvalidOperationException($"The generator moved ticket {id} from {State} to {to}, which tickets do not allow.");
        }

        var from = State;
        State = to;
        switch (to)
        {
            case "resolved":
                ResolvedAt = now;
                ResolutionNote = note;
                break;
            case "closed":
                ClosedAt = now;
                break;
            default:
                if (from == "resolved")
                {
                    ResolvedAt = null;
                    ResolutionNote = null;
                }

                break;
        }

        Touch(now);
        return new TicketStateChanged(id, from, to, note);
    }

    /// <summary>As a reply does: an agent's first public reply opens a new ticket; the requester's brings it back.</summary>
    public IReadOnlyList<IEvent> Reply(Guid commentId, Guid authorId, bool byAgent, bool isInternal, DateTimeOffset now)
    {
        LastCommentId = commentId;
        var events = new List<IEvent>
        {
            isInternal ? new InternalNoteAdded(id, commentId, authorId) : new ReplyAdded(id, commentId, authorId, byAgent ? "agent" : "requester"),
        };
        if (!isInternal && byAgent)
        {
            FirstRespondedAt ??= now;
            if (State == "new")
            {
                events.Add(MoveTo("open", null, now));
            }
        }
        else if (!isInternal)
        {
            if (State == "resolved")
            {
                events.Add(MoveTo("open", "Reopened by the requester's reply.", now));
            }
            else if (State == "waiting-on-requester")
            {
                events.Add(MoveTo("open", null, now));
            }
        }

        Touch(now);
        return events;
    }

    public IEvent Assign(Guid teamId, CastPerson agent, DateTimeOffset now)
    {
        TeamId = teamId;
        Assignee = agent;
        Touch(now);
        return new TicketAssigned(id, teamId, agent.PersonId);
    }

    /// <summary>One step more urgent, or null when it is critical already.</summary>
    public string? RaisedPriority()
    {
        var index = Priorities.ToList().IndexOf(Priority);
        return index > 0 ? Priorities[index - 1] : null;
    }

    public IEvent OverridePriority(string to, string reason, DateTimeOffset now)
    {
        Priority = to;
        PriorityReason = reason;
        Touch(now);
        return new TicketPriorityChanged(id, to, reason);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
