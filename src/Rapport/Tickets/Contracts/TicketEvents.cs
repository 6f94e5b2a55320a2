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

/// <summary>A colleague was named (@name) in a reply or an internal note, so they can be told.</summary>
[EventName("tickets.colleague-mentioned")]
public sealed record ColleagueMentioned(long TicketId, Guid CommentId, Guid PersonId, bool Internal) : IEvent;

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

/// <summary>Someone follows a ticket they did not raise: they see it and hear of its replies.</summary>
[EventName("tickets.watcher-added")]
public sealed record WatcherAdded(long TicketId, Guid PersonId, string PersonName) : IEvent;

[EventName("tickets.watcher-removed")]
public sealed record WatcherRemoved(long TicketId, Guid PersonId, string PersonName) : IEvent;

/// <summary>Read: ticket <c>TicketId</c> is related to / a duplicate of / caused by <c>OtherTicketId</c>.</summary>
[EventName("tickets.ticket-linked")]
public sealed record TicketLinked(long TicketId, Guid LinkId, long OtherTicketId, string Kind) : IEvent;

/// <summary>A link was removed; <c>TicketId</c> and <c>OtherTicketId</c> keep the link's own direction.</summary>
[EventName("tickets.ticket-unlinked")]
public sealed record TicketUnlinked(long TicketId, Guid LinkId, long OtherTicketId, string Kind) : IEvent;

/// <summary>A duplicate was merged into another ticket, where its work continues; the duplicate is closed.</summary>
[EventName("tickets.ticket-merged")]
public sealed record TicketMerged(long TicketId, long IntoTicketId) : IEvent;

[EventName("tickets.tag-added")]
public sealed record TicketTagAdded(long TicketId, string Tag) : IEvent;

[EventName("tickets.tag-removed")]
public sealed record TicketTagRemoved(long TicketId, string Tag) : IEvent;
