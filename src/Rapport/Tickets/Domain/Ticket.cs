using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Tickets.Domain;

/// <summary>
/// A request for help: an incident, a request, a question or a complaint. Its number is its id.
/// Methods decide and record; they never read the clock or the database.
/// </summary>
public sealed partial class Ticket
{
    public long Id { get; init; }

    public Guid ServiceId { get; init; }

    /// <summary>The providing department (the service's), kept here so that visibility is one filter.</summary>
    public Guid DepartmentId { get; init; }

    public required string Type { get; set; }

    public required string Subject { get; set; }

    public string Description { get; set; } = "";

    public string State { get; private set; } = TicketStates.New;

    public required string Impact { get; set; }

    public required string Urgency { get; set; }

    public required string Priority { get; set; }

    /// <summary>Why an agent set the priority by hand; null while the matrix decides.</summary>
    public string? PriorityReason { get; set; }

    /// <summary>The person who asked (Organisation's person id).</summary>
    public Guid RequesterId { get; init; }

    public required string RequesterName { get; init; }

    public Guid? TeamId { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public string? AssigneeName { get; private set; }

    /// <summary>Answers to the service's form, by field key.</summary>
    public Dictionary<string, string?> Answers { get; init; } = [];

    /// <summary>How it reached us: portal, api, email.</summary>
    public required string Channel { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? FirstRespondedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ResolutionNote { get; private set; }

    /// <summary>Set when this ticket was merged into another as its duplicate.</summary>
    public long? MergedIntoId { get; private set; }

    /// <summary>The requester's business unit when the ticket was opened (for routing and analytics).</summary>
    public Guid? BusinessUnitId { get; init; }

    /// <summary>When the first of its running promise clocks is due; null when none runs. Kept from the clocks' events.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; private set; }

    public bool IsFinished => State is TicketStates.Resolved or TicketStates.Closed;

    /// <summary>Stamps a new ticket before it is first saved.</summary>
    public void Opened(DateTimeOffset now) => UpdatedAt = now;

    public Result<IEvent> MoveTo(string to, string? note, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            return Invalid.Field("state", "Choose the state to move the ticket to.");
        }

        if (!TicketStates.All.Contains(to))
        {
            return Invalid.Field("state", $"'{to}' is not a state. Use one of: {string.Join(", ", TicketStates.All)}.");
        }

        if (to == State)
        {
            return new ConflictError("tickets.same-state", $"Ticket {Id} is {TicketStates.Describe(State)} already.");
        }

        if (!TicketStates.CanMove(State, to))
        {
            return new ConflictError("tickets.move-not-allowed",
                $"Ticket {Id} cannot go from {TicketStates.Describe(State)} to {TicketStates.Describe(to)}.");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (to == TicketStates.Resolved && note is null)
        {
            return Invalid.Field("note", "Say how it was resolved: the requester reads this note.");
        }

        var from = State;
        State = to;
        switch (to)
        {
            case TicketStates.Resolved:
                ResolvedAt = now;
                ResolutionNote = note;
                break;
            case TicketStates.Closed:
                ClosedAt = now;
                break;
            default:
                if (from == TicketStates.Resolved)
                {
                    ResolvedAt = null;
                    ResolutionNote = null;
                }

                break;
        }

        Touch(now);
        return Result.Ok<IEvent>(new TicketStateChanged(Id, from, to, note));
    }

    /// <summary>
    /// A public reply or an internal note. An agent's first public reply opens a new ticket; a
    /// requester's reply brings a ticket waiting on them back, and reopens a resolved one within
    /// <paramref name="reopenWindow"/>.
    /// </summary>
    public Result<IReadOnlyList<IEvent>> Reply(Guid commentId, Guid authorId, bool byAgent, bool isInternal, DateTimeOffset now, TimeSpan reopenWindow)
    {
        if (isInternal && !byAgent)
        {
            return new ForbiddenError("tickets.internal-note-requester", "Only agents write internal notes.");
        }

        if (State == TicketStates.Closed)
        {
            return new ConflictError("tickets.closed", $"Ticket {Id} is closed. Please raise a new request and mention #{Id}.");
        }

        var events = new List<IEvent>
        {
            isInternal
                ? new InternalNoteAdded(Id, commentId, authorId)
                : new ReplyAdded(Id, commentId, authorId, byAgent ? "agent" : "requester"),
        };
        if (!isInternal && byAgent)
        {
            FirstRespondedAt ??= now;
            if (State == TicketStates.New)
            {
                events.Add(MoveTo(TicketStates.Open, null, now).Value!);
            }
        }
        else if (!isInternal)
        {
            if (State == TicketStates.Resolved)
            {
                if (ResolvedAt + reopenWindow < now)
                {
                    return new ConflictError("tickets.reopen-window-passed",
                        $"Ticket {Id} was resolved more than {reopenWindow.TotalDays:0} days ago. Please raise a new request and mention #{Id}.");
                }

                events.Add(MoveTo(TicketStates.Open, "Reopened by the requester's reply.", now).Value!);
            }
            else if (State == TicketStates.WaitingOnRequester)
            {
                events.Add(MoveTo(TicketStates.Open, null, now).Value!);
            }
        }

        Touch(now);
        return Result.Ok<IReadOnlyList<IEvent>>(events);
    }

    /// <summary>Takes the due time the clocks worked out. Not an edit: nobody's view of the ticket goes stale by it.</summary>
    public void DueBy(DateTimeOffset? dueAt) => DueAt = dueAt;

    /// <summary>A promise was breached: the priority goes up one step (critical stays critical).</summary>
    public Result<IEvent> Escalate(string reason, DateTimeOffset now)
    {
        var index = TicketPriorities.All.ToList().IndexOf(Priority);
        return index <= 0
            ? new ConflictError("tickets.highest-priority", $"Ticket {Id} has the highest priority already.")
            : OverridePriority(TicketPriorities.All[index - 1], reason, now);
    }

    /// <summary>Files sent on their own, not with a message: a closed ticket takes no more.</summary>
    public Error? AcceptFiles(DateTimeOffset now)
    {
        if (State == TicketStates.Closed)
        {
            return new ConflictError("tickets.closed", $"Ticket {Id} is closed. Please raise a new request and mention #{Id}.");
        }

        Touch(now);
        return null;
    }

    public Result<IEvent> Edit(string subject, string type, DateTimeOffset now)
    {
        subject = subject.Trim();
        if (subject.Length is 0 or > 200)
        {
            return Invalid.Field("subject", "The title must have 1 to 200 characters.");
        }

        if (!TicketTypes.All.Contains(type))
        {
            return Invalid.Field("type", $"Type must be one of: {string.Join(", ", TicketTypes.All)}.");
        }

        if (subject == Subject && type == Type)
        {
            return new ConflictError("tickets.unchanged", $"Ticket {Id} has this title and type already.");
        }

        Subject = subject;
        Type = type;
        Touch(now);
        return Result.Ok<IEvent>(new TicketDetailsChanged(Id, subject, type));
    }

    public Result<IEvent> Assign(Guid? teamId, Guid? assigneeId, string? assigneeName, DateTimeOffset now)
    {
        if (teamId == TeamId && assigneeId == AssigneeId)
        {
            return new ConflictError("tickets.same-assignment", $"Ticket {Id} is assigned so already.");
        }

        TeamId = teamId;
        AssigneeId = assigneeId;
        AssigneeName = assigneeId is null ? null : assigneeName;
        Touch(now);
        return Result.Ok<IEvent>(new TicketAssigned(Id, teamId, assigneeId));
    }

    public Result<IEvent> OverridePriority(string priority, string? reason, DateTimeOffset now)
    {
        if (!TicketPriorities.All.Contains(priority))
        {
            return Invalid.Field("priority", $"Choose a priority: {string.Join(", ", TicketPriorities.All)}.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Invalid.Field("reason", "Say why the priority differs from what impact and urgency give.");
        }

        if (priority == Priority)
        {
            return new ConflictError("tickets.same-priority", $"Ticket {Id} has priority {priority} already.");
        }

        Priority = priority;
        PriorityReason = reason.Trim();
        Touch(now);
        return Result.Ok<IEvent>(new TicketPriorityChanged(Id, priority, PriorityReason));
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
