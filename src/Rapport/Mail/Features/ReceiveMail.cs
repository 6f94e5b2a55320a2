using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Rapport.Mail.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Files;

namespace Rapport.Mail.Features;

/// <summary>
/// The one way mail comes in (IMAP, the inbound endpoint, the ingest command): the raw message is
/// kept in the file store and recorded first, then processed. A crash after the record leaves a
/// received message that the next processing pass finishes; a second delivery adds nothing.
/// </summary>
public sealed class ReceiveMail(RapportDb db, FileStore store, ProcessMail process, IOptions<MailOptions> options, TimeProvider time)
{
    public async Task<MailIntake> ReceiveAsync(Stream raw, Guid? mailboxId, CancellationToken ct)
    {
        var recorded = await RecordAsync(raw, mailboxId, ct);
        return recorded.State == MailStates.Received ? await process.ProcessAsync(recorded.Id, ct) : Intake(recorded);
    }

    /// <summary>Keeps the bytes and writes the record: received, or already a duplicate, or too large.</summary>
    public async Task<MailMessage> RecordAsync(Stream raw, Guid? mailboxId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var stored = await store.SaveAsync(raw, options.Value.MaxMessageBytes, ct);
        if (stored is null)
        {
            return await SaveAsync(new MailMessage
            {
                Id = Guid.CreateVersion7(now),
                Direction = MailDirections.Inbound,
                MailboxId = mailboxId,
                State = MailStates.Quarantined,
                Reason = $"the message is larger than {options.Value.MaxMessageMegabytes} MB",
                CreatedAt = now,
                DoneAt = now,
            }, ct);
        }

        var messageId = await MessageIdOfAsync(stored.Sha256, ct);
        var earlier = messageId is not null
            ? await db.Set<MailMessage>().AsNoTracking().Where(m => m.Direction == MailDirections.Inbound && m.MessageId == messageId).OrderBy(m => m.CreatedAt).FirstOrDefaultAsync(ct)
            : await db.Set<MailMessage>().AsNoTracking().Where(m => m.Direction == MailDirections.Inbound && m.ContentSha256 == stored.Sha256 && m.MessageId == null).OrderBy(m => m.CreatedAt).FirstOrDefaultAsync(ct);
        return await SaveAsync(new MailMessage
        {
            Id = Guid.CreateVersion7(now),
            Direction = MailDirections.Inbound,
            MailboxId = mailboxId,
            MessageId = messageId,
            ContentSha256 = stored.Sha256,
            Size = stored.Size,
            State = earlier is null ? MailStates.Received : MailStates.Duplicate,
            Reason = earlier is null ? null : messageId is null ? "the same message arrived before" : $"a message with Message-ID <{messageId}> arrived before",
            TicketId = earlier?.TicketId,
            CreatedAt = now,
            DoneAt = earlier is null ? null : now,
        }, ct);
    }

    private async Task<MailMessage> SaveAsync(MailMessage message, CancellationToken ct)
    {
        db.Add(message);
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>Only the headers are read here; a message that cannot be read at all is sorted out by processing.</summary>
    private async Task<string?> MessageIdOfAsync(string sha256, CancellationToken ct)
    {
        await using var content = store.OpenRead(sha256);
        if (content is null)
        {
            return null;
        }

        try
        {
            var headers = await HeaderList.LoadAsync(content, ct);
            var id = headers[HeaderId.MessageId];
            var parsed = string.IsNullOrWhiteSpace(id) ? null : MimeKit.Utils.MimeUtils.EnumerateReferences(id).FirstOrDefault() ?? id.Trim().Trim('<', '>');
            return string.IsNullOrWhiteSpace(parsed) || parsed.Length > 998 ? null : parsed;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static MailIntake Intake(MailMessage message) =>
        new(message.Id, message.State, message.TicketId, OpenedTicket: false, message.Reason);
}
