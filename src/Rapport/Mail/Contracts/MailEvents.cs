using Rapport.Platform.Events;

namespace Rapport.Mail.Contracts;

/// <summary>A received message opened or joined a ticket.</summary>
[EventName("mail.message-processed")]
public sealed record MailMessageProcessed(Guid MessageId, Guid? MailboxId, string From, long TicketId, bool OpenedTicket) : IEvent;

/// <summary>A received message is noise (an automatic reply, a bounce, a read receipt) or a sender the mailbox refuses: no ticket, no answer.</summary>
[EventName("mail.message-ignored")]
public sealed record MailMessageIgnored(Guid MessageId, Guid? MailboxId, string? From, string Reason) : IEvent;

/// <summary>A received message could not be taken; it is kept, with the reason, for an administrator.</summary>
[EventName("mail.message-quarantined")]
public sealed record MailMessageQuarantined(Guid MessageId, Guid? MailboxId, string Reason) : IEvent;

/// <summary>Rapport sent a notice about a ticket.</summary>
[EventName("mail.message-sent")]
public sealed record MailMessageSent(Guid MessageId, long TicketId, string To, string Notice, Guid CausedBy) : IEvent;

/// <summary>A notice could not be sent after every retry.</summary>
[EventName("mail.sending-failed")]
public sealed record MailSendingFailed(Guid MessageId, long TicketId, string To, string Reason) : IEvent;

/// <summary>An administrator added or changed a mailbox.</summary>
[EventName("mail.mailbox-saved")]
public sealed record MailboxSaved(Guid MailboxId, string Name, string Address, Guid ServiceId, bool FetchesOverImap) : IEvent;
