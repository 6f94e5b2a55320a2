using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace Rapport.Mail.Domain;

/// <summary>How a message says which conversation it belongs to.</summary>
public static partial class MailThreading
{
    /// <summary>The Message-IDs a message answers: In-Reply-To first, then References from the newest back.</summary>
    public static IReadOnlyList<string> Answered(MimeMessage message)
    {
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
        {
            ids.Add(message.InReplyTo.Trim().Trim('<', '>'));
        }

        ids.AddRange(message.References.Reverse().Select(r => r.Trim().Trim('<', '>')));
        return [.. ids.Where(i => i.Length is > 0 and <= 998).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The ticket a subject names with <c>[#1234]</c>, if any.</summary>
    public static long? TicketIn(string? subject)
    {
        var match = Token().Match(subject ?? "");
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The subject with the ticket token, ready to send.</summary>
    public static string WithToken(long ticketId, string subject) =>
        string.Create(CultureInfo.InvariantCulture, $"[#{ticketId}] {Token().Replace(subject, "").Trim()}");

    /// <summary>The subject a ticket gets: without Re:/Fwd: and without a token.</summary>
    public static string Clean(string? subject)
    {
        var clean = Token().Replace(subject ?? "", "");
        clean = Prefix().Replace(Whitespace().Replace(clean, " "), "").Trim();
        return clean.Length == 0 ? "(no subject)" : clean;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\[#(\d{1,18})\]")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(\s*(re|aw|sv|fw|fwd|wg|tr)\s*(\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();
}
