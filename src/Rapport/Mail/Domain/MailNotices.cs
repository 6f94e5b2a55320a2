using System.Globalization;
using System.Net;

namespace Rapport.Mail.Domain;

/// <summary>The notices Rapport sends about a ticket.</summary>
public static class MailNotices
{
    /// <summary>The request was received (automatic).</summary>
    public const string Received = "received";

    /// <summary>An agent replied (a person wrote it).</summary>
    public const string Reply = "reply";

    /// <summary>The agent waits for the requester (automatic).</summary>
    public const string Waiting = "waiting";

    /// <summary>The ticket was resolved (automatic), with the way to say it is not.</summary>
    public const string Resolved = "resolved";

    public static bool IsAutomatic(string notice) => notice != Reply;
}

/// <summary>A notice ready to send: its subject, and its text as plain text and HTML.</summary>
public sealed record NoticeText(string Subject, string Text, string Html);

/// <summary>
/// The default wording of notices, plain and short. Replies keep the token in the subject so that
/// answers find their ticket even when a mail program drops the threading headers.
/// </summary>
public static class NoticeTemplates
{
    public static NoticeText Write(string notice, long ticketId, string subject, string requesterName, string? replyAuthor, string? replyText, string? replyHtml, string link)
    {
        var token = MailThreading.WithToken(ticketId, subject);
        var greeting = $"Hello {requesterName},";
        var id = ticketId.ToString(CultureInfo.InvariantCulture);
        var (lead, body) = notice switch
        {
            MailNotices.Received => ($"we have received your request and given it the number #{id}. We will answer as soon as we can.", null),
            MailNotices.Reply => ($"{replyAuthor} replied to your request #{id}:", replyText),
            MailNotices.Waiting => ($"we need something from you to go on with your request #{id}. Please reply to this e-mail, or see the request at the link below.", null),
            MailNotices.Resolved => ($"we have resolved your request #{id}. If it is not solved for you, reply to this e-mail and it opens again. You can tell us how we did at the link below.", null),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, "Unknown notice."),
        };
        var footer = $"Your request: {link}\nPlease keep [#{id}] in the subject when you reply.";
        var text = body is null ? $"{greeting}\n\n{lead}\n\n{footer}\n" : $"{greeting}\n\n{lead}\n\n{body}\n\n{footer}\n";
        var html = $"<p>{Encode(greeting)}</p><p>{Encode(lead)}</p>"
            + (notice == MailNotices.Reply ? $"<blockquote>{replyHtml}</blockquote>" : "")
            + $"<p><a href=\"{Encode(link)}\">Your request #{id}</a><br>Please keep [#{id}] in the subject when you reply.</p>";
        return new NoticeText(token, text, html);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
