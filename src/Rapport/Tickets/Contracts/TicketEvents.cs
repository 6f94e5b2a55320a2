using Rapport.Platform.Events;

namespace Rapport.Tickets.Contracts;

[EventName("tickets.ticket-opened")]
public sealed record TicketOpened(
    long TicketId, Guid ServiceId, Guid DepartmentId, string Type, string Subject, string Impact, string Urgency,
    string Priority, Guid RequesterId, string Channel) : IEvent;

[EventName("tickets.state-changed")]
public sealed record TicketStateChanged(long TicketId, string From, string To, string? Note) : IEvent;

[EventName("tickets.ticket-assigned")]
public sealed record TicketAssigned(long TicketId, Guid? TeamId, Guid? AssigneeId) : IEvent;

[EventName("tickets.priority-changed")]
public sealed record TicketPriorityChanged(long TicketId, string Priority, string Reason) : IEvent;

/// <summary>A public reply, from an agent or the requester; the requester sees it and may be told by e-mail.</summary>
[EventName("tickets.reply-added")]
public sealed record ReplyAdded(long TicketId, Guid CommentId, Guid AuthorId, string AuthorKind) : IEvent;

/// <summary>An internal note: agents only, never sent.</summary>
[EventName("tickets.internal-note-added")]
public sealed record InternalNoteAdded(long TicketId, Guid CommentId, Guid AuthorId) : IEvent;

/// <summary>A file came with a ticket or one of its messages; internal ones belong to internal notes.</summary>
[EventName("tickets.attachment-added")]
public sealed record AttachmentAdded(long TicketId, Guid AttachmentId, Guid? CommentId, string FileName, long Size, bool Internal) : IEvent;

[EventName("tickets.details-changed")]
public sealed record TicketDetailsChanged(long TicketId, string Subject, string Type) : IEvent;

/// <summary>A routing rule decided where a new ticket went (the assignment itself is a TicketAssigned).</summary>
[EventName("tickets.ticket-routed")]
public sealed record TicketRouted(long TicketId, Guid RuleId, string RuleName) : IEvent;

[EventName("tickets.routing-rule-saved")]
public sealed record RoutingRuleSaved(Guid RuleId, string Name, int Position, bool IsEnabled, Guid TeamId, string Assignment) : IEvent;

[EventName("tickets.routing-rule-removed")]
public sealed record RoutingRuleRemoved(Guid RuleId, string Name) : IEvent;

/// <summary>A desk view was made or changed: its name, its filter and sort (a query string), who sees it.</summary>
[EventName("tickets.view-saved")]
public sealed record ViewSaved(Guid ViewId, Guid OwnerId, string Name, string Query, bool IsShared) : IEvent;

[EventName("tickets.view-removed")]
public sealed record ViewRemoved(Guid ViewId, Guid OwnerId, string Name) : IEvent;
