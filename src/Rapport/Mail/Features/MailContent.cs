using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using MimeKit;
using MimeKit.Tnef;
using Rapport.Tickets.Contracts;

namespace Rapport.Mail.Features;

/// <summary>What a person wrote and sent: the text, and the files with their real names.</summary>
public sealed partial record MailContent(string Body, IReadOnlyList<MailFile> Files)
{
    private const int MaxDepth = 20;

    public static MailContent Read(MimeMessage message)
    {
        var body = message.TextBody;
        if (string.IsNullOrWhiteSpace(body) && message.HtmlBody is { } html)
        {
            body = TextOf(html);
        }

        var files = new List<MailFile>();
        var bodyParts = new HashSet<MimeEntity>(ReferenceEqualityComparer.Instance);
        if (message.Body is not null)
        {
            foreach (var part in BodyPartsOf(message.Body))
            {
                bodyParts.Add(part);
            }

            Collect(message.Body, bodyParts, files, 0);
        }

        return new MailContent((body ?? "").Trim(), files);
    }

    /// <summary>The text/plain and text/html parts MimeKit reads as the message's own text.</summary>
    private static IEnumerable<MimeEntity> BodyPartsOf(MimeEntity entity)
    {
        switch (entity)
        {
            case Multipart { ContentType.MediaSubtype: var sub } alternative when sub.Equals("alternative", StringComparison.OrdinalIgnoreCase):
                foreach (var part in alternative.OfType<TextPart>().Where(p => !p.IsAttachment))
                {
                    yield return part;
                }

                foreach (var nested in alternative.OfType<Multipart>().SelectMany(BodyPartsOf))
                {
                    yield return nested;
                }

                break;
            case Multipart multipart when multipart.Count > 0:
                foreach (var part in BodyPartsOf(multipart[0]))
                {
                    yield return part;
                }

                break;
            case TextPart text when !text.IsAttachment && (text.IsPlain || text.IsHtml):
                yield return text;
                break;
        }
    }

    private static void Collect(MimeEntity entity, HashSet<MimeEntity> bodyParts, List<MailFile> files, int depth)
    {
        if (depth > MaxDepth || bodyParts.Contains(entity))
        {
            return;
        }

        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Collect(child, bodyParts, files, depth + 1);
                }

                break;
            case MessagePart attached when attached.Message is not null:
                var name = attached.ContentDisposition?.FileName ?? (AttachedName(attached.Message.Subject) + ".eml");
                files.Add(FileOf(name, "message/rfc822", stream => attached.Message.WriteTo(stream)));
                break;
            case TnefPart tnef:
                // Outlook's winmail.dat: keep what is inside, as the sender meant it.
                IEnumerable<MimeEntity> inside;
                try
                {
                    inside = [.. tnef.ExtractAttachments()];
                }
                catch (Exception e) when (e is TnefException or InvalidOperationException or ArgumentException or IOException or FormatException)
                {
                    inside = [];
                    files.Add(FileOf(tnef.FileName ?? "winmail.dat", "application/ms-tnef", stream => tnef.Content?.DecodeTo(stream)));
                }

                foreach (var part in inside.OfType<MimePart>().Where(p => p.Content is not null && p.ContentType.MimeType != "text/rtf"))
                {
                    files.Add(FileOf(part.FileName ?? "attachment", part.ContentType.MimeType, stream => part.Content?.DecodeTo(stream)));
                }

                break;
            case MimePart part when part.Content is not null:
                var fileName = part.FileName ?? DefaultName(part);
                files.Add(FileOf(fileName, part.ContentType.MimeType, stream => part.Content.DecodeTo(stream)));
                break;
        }
    }

    private static string DefaultName(MimePart part) => part.ContentType.MimeType switch
    {
        "text/plain" => "message.txt",
        "text/html" => "message.html",
        _ => "attachment" + (MimeTypes.TryGetExtension(part.ContentType.MimeType, out var extension) ? extension : ""),
    };

    private static string AttachedName(string? subject)
    {
        var name = Rapport.Mail.Domain.MailThreading.Clean(subject);
        return name.Length > 80 ? name[..80] : name;
    }

    /// <summary>Decodes once into memory, so that its length is known and it can be read again.</summary>
    private static MailFile FileOf(string fileName, string contentType, Action<Stream> write)
    {
        var buffer = new MemoryStream();
        write(buffer);
        var bytes = buffer.ToArray();
        return new MailFile(fileName, contentType, bytes.Length, () => new MemoryStream(bytes, writable: false));
    }

    private static readonly HtmlSanitizer Sanitizer = new();

    /// <summary>Mail written only in HTML: sanitised, then read as text, keeping its lines and paragraphs.</summary>
    private static string TextOf(string html)
    {
        var clean = Sanitizer.Sanitize(html);
        clean = LineBreaks().Replace(clean, "$0\n");
        var document = new HtmlParser().ParseDocument(clean);
        var text = document.Body?.TextContent ?? "";
        return ManyBlankLines().Replace(text.Replace("\r", "", StringComparison.Ordinal), "\n\n").Trim();
    }

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h[1-6]|blockquote)>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+")]
    private static partial Regex ManyBlankLines();
}
