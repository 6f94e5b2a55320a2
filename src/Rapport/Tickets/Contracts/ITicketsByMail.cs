namespace Rapport.Tickets.Contracts;

/// <summary>A file that came with an e-mail, read when it is kept.</summary>
public sealed record MailFile(string FileName, string? ContentType, long Length, Func<Stream> Open);

/// <summary>A new request written by e-mail, raised for the person who wrote it.</summary>
public sealed record MailRequest(Guid ServiceId, Guid RequesterId, string Subject, string Body, IReadOnlyList<MailFile> Files);

/// <summary>A message written by e-mail to an existing ticket.</summary>
public sealed record MailReply(long TicketId, Guid AuthorId, string Body, IReadOnlyList<MailFile> Files);

/// <summary>What became of a mail: the ticket it opened or joined, and the comment it added.</summary>
public sealed record MailOutcome(long TicketId, Guid? CommentId, bool Opened);

/// <summary>A ticket as mail needs it: to address notices and thread them.</summary>
public sealed record TicketForMail(long Id, string Subject, string State, Guid RequesterId, Guid DepartmentId);

/// <summary>A public message on a ticket, as it is sent by e-mail.</summary>
public sealed record CommentForMail(Guid Id, long TicketId, string AuthorName, bool ByAgent, bool IsInternal, string Body, string BodyHtml);

/// <summary>
/// How mail reaches tickets. Called inside the caller's transaction, so that the mail's own record
/// and the ticket's change commit together: a message is taken once, whatever crashes.
/// </summary>
public interface ITicketsByMail
{
    Task<TicketForMail?> FindTicketAsync(long ticketId, CancellationToken ct);

    Task<CommentForMail?> FindCommentAsync(Guid commentId, CancellationToken ct);

    /// <summary>Opens a ticket; files too large or too many are left out with a note in the description.</summary>
    Task<MailOutcome> OpenAsync(MailRequest request, CancellationToken ct);

    /// <summary>
    /// Adds the message to the ticket when its author may write there and the ticket takes replies;
    /// otherwise opens a follow-up ticket for the author that names the first one.
    /// </summary>
    Task<MailOutcome> ReplyAsync(MailReply reply, Guid serviceIdForFollowUp, string subject, CancellationToken ct);
}
