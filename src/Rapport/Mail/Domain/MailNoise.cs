using MimeKit;

namespace Rapport.Mail.Domain;

/// <summary>
/// Mail that no person wrote: automatic replies, out-of-office notes, bounces, read receipts, lists.
/// Such mail never opens a ticket and is never answered, so two robots cannot talk to each other forever.
/// </summary>
public static class MailNoise
{
    /// <summary>Why the message is noise, or null when a person wrote it.</summary>
    public static string? Recognise(MimeMessage message)
    {
        var autoSubmitted = message.Headers[HeaderId.AutoSubmitted]?.Trim();
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return $"automatic reply (Auto-Submitted: {autoSubmitted})";
        }

        if (message.Body is MultipartReport report)
        {
            return report.ReportType?.ToLowerInvariant() switch
            {
                "disposition-notification" => "read receipt",
                "delivery-status" => "delivery failure report",
                _ => $"automatic report ({report.ReportType})",
            };
        }

        var precedence = message.Headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list" or "auto_reply")
        {
            return $"bulk or automatic mail (Precedence: {precedence})";
        }

        if (message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond"))
        {
            return "automatic reply";
        }

        var suppress = message.Headers["X-Auto-Response-Suppress"]?.Trim();
        if (!string.IsNullOrEmpty(suppress) && (suppress.Contains("All", StringComparison.OrdinalIgnoreCase) || suppress.Contains("OOF", StringComparison.OrdinalIgnoreCase)))
        {
            return $"automatic mail (X-Auto-Response-Suppress: {suppress})";
        }

        var sender = (message.From.Mailboxes.FirstOrDefault()?.Address ?? "").ToLowerInvariant();
        var local = sender.Split('@')[0];
        if (local is "mailer-daemon" or "postmaster")
        {
            return $"automatic mail from {sender}";
        }

        if (message.Headers[HeaderId.ReturnPath]?.Trim() == "<>")
        {
            return "automatic mail (empty return path)";
        }

        return null;
    }
}
