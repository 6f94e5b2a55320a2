using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Platform.Files;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>A file someone sends with a request or a message, before it is kept.</summary>
public sealed record IncomingFile(string FileName, string? ContentType, long Length, Func<Stream> Open)
{
    public static IncomingFile From(IFormFile file) => new(file.FileName, file.ContentType, file.Length, file.OpenReadStream);

    public static IReadOnlyList<IncomingFile> From(IFormFileCollection files, string name) =>
        [.. files.GetFiles(name).Where(f => f.Length > 0 || f.FileName.Length > 0).Select(From)];
}

/// <summary>A file kept in the store, ready to be attached to a ticket.</summary>
public sealed record KeptFile(string FileName, string ContentType, StoredFile Stored);

/// <summary>
/// Checks files against the limits and keeps them in the file store. Files are kept before the
/// ticket changes: a crash in between leaves an unused file, never an attachment without its bytes.
/// </summary>
public sealed class TicketFiles(FileStore store, RapportDb db, IOptions<TicketsOptions> options)
{
    public const string Field = "files";

    private const int MaxFileName = 255;

    public async Task<Result<IReadOnlyList<KeptFile>>> KeepAsync(IReadOnlyList<IncomingFile> files, CancellationToken ct)
    {
        var limits = options.Value;
        if (files.Count > limits.MaxFilesPerMessage)
        {
            return Invalid.Field(Field, $"Attach at most {limits.MaxFilesPerMessage} files at a time; you chose {files.Count}.");
        }

        foreach (var file in files)
        {
            if (file.Length == 0)
            {
                return Invalid.Field(Field, $"{CleanName(file.FileName)} is empty.");
            }

            if (file.Length > limits.MaxAttachmentBytes)
            {
                return Invalid.Field(Field, TooLarge(file.FileName, file.Length));
            }
        }

        var kept = new List<KeptFile>(files.Count);
        foreach (var file in files)
        {
            await using var content = file.Open();
            var stored = await store.SaveAsync(content, limits.MaxAttachmentBytes, ct);
            if (stored is null)
            {
                return Invalid.Field(Field, TooLarge(file.FileName, file.Length));
            }

            kept.Add(new KeptFile(CleanName(file.FileName), CleanContentType(file.ContentType), stored));
        }

        return kept;
    }

    /// <summary>Adds kept files to a ticket (and the message they came with) and tells what happened.</summary>
    public IReadOnlyList<IEvent> Attach(
        long ticketId, Guid? commentId, Guid uploadedBy, bool isInternal,
        IReadOnlyList<KeptFile> files, DateTimeOffset now)
    {
        var events = new List<IEvent>(files.Count);
        foreach (var file in files)
        {
            var attachment = new TicketAttachment
            {
                Id = Guid.CreateVersion7(now),
                TicketId = ticketId,
                CommentId = commentId,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Size = file.Stored.Size,
                Sha256 = file.Stored.Sha256,
                UploadedBy = uploadedBy,
                IsInternal = isInternal,
                CreatedAt = now,
            };
            db.Add(attachment);
            events.Add(new AttachmentAdded(ticketId, attachment.Id, commentId, attachment.FileName, attachment.Size, isInternal));
        }

        return events;
    }

    private string TooLarge(string fileName, long length) => string.Create(CultureInfo.InvariantCulture,
        $"{CleanName(fileName)} is {Describe(length)}; files can be at most {options.Value.MaxAttachmentMegabytes} MB.");

    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };

    /// <summary>The name without any folder part or control characters, short enough to keep, never empty.</summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')))
        {
            clean.Append(c);
        }

        name = clean.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return "file";
        }

        if (name.Length <= MaxFileName)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        return extension.Length is > 0 and < 20 ? name[..(MaxFileName - extension.Length)] + extension : name[..MaxFileName];
    }

    /// <summary>What the sender said the file is, if it looks like a media type at all.</summary>
    private static string CleanContentType(string? contentType)
    {
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return type.Length is > 2 and <= 150 && type.Count(c => c == '/') == 1
            && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '+' or '.')
            ? type
            : "application/octet-stream";
    }
}
