using Microsoft.EntityFrameworkCore;
using MimeKit;
using Rapport.Mail.Contracts;
using Rapport.Mail.Domain;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Platform.Files;
using Rapport.Tickets.Contracts;

namespace Rapport.Mail.Features;

/// <summary>
/// Turns a received message into a ticket or a reply, or sets it aside with a reason. The ticket's
/// change and the message's new state commit in one transaction, so processing the same message
/// again (after a crash) finds it done and adds nothing.
/// </summary>
public sealed class ProcessMail(
    RapportDb db,
    EventLog events,
    CurrentActor actor,
    FileStore store,
    ITicketsByMail tickets,
    IOrganisationDirectory organisation,
    IPeopleEnrolment enrolment,
    TimeProvider time,
    ILogger<ProcessMail> logger)
{
    public async Task<MailIntake> ProcessAsync(Guid messageId, CancellationToken ct)
    {
        var record = await db.Set<MailMessage>().AsNoTracking().SingleAsync(m => m.Id == messageId, ct);
        if (record.State != MailStates.Received)
        {
            return ReceiveMail.Intake(record);
        }

        var mailbox = record.MailboxId is { } boxId ? await db.Set<Mailbox>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == boxId, ct) : null;
        MimeMessage message;
        try
        {
            message = await LoadAsync(record, ct);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or ParseException)
        {
            return await SetAsideAsync(record, MailStates.Quarantined, $"not a readable e-mail ({e.Message})", ct);
        }

        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        if (from is null || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            return await SetAsideAsync(record, MailStates.Quarantined, "the message has no sender address to answer", ct);
        }

        if (MailNoise.Recognise(message) is { } noise)
        {
            return await SetAsideAsync(record, MailStates.Ignored, noise, ct, from.Address);
        }

        if (await EarlierCopyAsync(record, ct) is { } earlier)
        {
            return await SetAsideAsync(record, MailStates.Duplicate, "the same message arrived before", ct, from.Address, earlier.TicketId);
        }

        var serviceId = mailbox?.ServiceId ?? await DefaultServiceAsync(ct);
        if (serviceId is null)
        {
            return await SetAsideAsync(record, MailStates.Quarantined, "no mailbox says which service new mail goes to; add a mailbox first", ct, from.Address);
        }

        MailContent content;
        try
        {
            content = MailContent.Read(message);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException or ArgumentException or IOException)
        {
            return await SetAsideAsync(record, MailStates.Quarantined, $"the content cannot be read ({e.Message})", ct, from.Address);
        }

        var subject = MailThreading.Clean(message.Subject);
        actor.Use(new Actor(ActorKind.Requester, null, from.Address));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Takes the row for this transaction: another node processing the same message waits here,
        // then finds it done.
        var claimed = await db.Set<MailMessage>().Where(m => m.Id == record.Id && m.State == MailStates.Received)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            return ReceiveMail.Intake(await db.Set<MailMessage>().AsNoTracking().SingleAsync(m => m.Id == record.Id, ct));
        }

        var person = await organisation.FindPersonByEmailAsync(from.Address, ct);
        if (person is null)
        {
            if (mailbox?.UnknownSenders == UnknownSenderPolicies.Reject)
            {
                await transaction.RollbackAsync(ct);
                return await SetAsideAsync(record, MailStates.Ignored, $"{from.Address} is not known and this mailbox takes mail only from known people", ct, from.Address);
            }

            person = await enrolment.FindOrAddAsync(from.Address.ToLowerInvariant(), from.Name, ct);
            if (person is null)
            {
                await transaction.RollbackAsync(ct);
                return await SetAsideAsync(record, MailStates.Quarantined, $"{from.Address} cannot be added as a requester", ct, from.Address);
            }
        }

        var ticketId = await ThreadAsync(message, ct);
        var outcome = ticketId is { } existing
            ? await tickets.ReplyAsync(new MailReply(existing, person.Id, content.Body, content.Files), serviceId.Value, subject, ct)
            : await tickets.OpenAsync(new MailRequest(serviceId.Value, person.Id, subject, content.Body, content.Files), ct);

        var done = await db.Set<MailMessage>().SingleAsync(m => m.Id == record.Id, ct);
        done.State = MailStates.Processed;
        done.TicketId = outcome.TicketId;
        done.CommentId = outcome.CommentId;
        done.FromAddress = Shorten(from.Address, 320);
        done.Subject = Shorten(message.Subject, 1000);
        done.DoneAt = time.GetUtcNow();
        events.Append(new MailMessageProcessed(record.Id, record.MailboxId, from.Address, outcome.TicketId, outcome.Opened), "mail", record.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Mail {MessageId} from {From} {Outcome} ticket {TicketId}", record.Id, from.Address, outcome.Opened ? "opened" : "joined", outcome.TicketId);
        return new MailIntake(record.Id, MailStates.Processed, outcome.TicketId, outcome.Opened, null);
    }

    private async Task<MimeMessage> LoadAsync(MailMessage record, CancellationToken ct)
    {
        await using var raw = record.ContentSha256 is { } sha ? store.OpenRead(sha) : null;
        if (raw is null)
        {
            throw new InvalidDataException("the stored message is missing");
        }

        var parser = new MimeParser(ParserOptions.Default.Clone(), raw, persistent: false);
        parser.Options.MaxMimeDepth = 64;
        var message = await parser.ParseMessageAsync(ct);
        return message.Headers.Count == 0 ? throw new FormatException("it has no headers") : message;
    }

    /// <summary>Another copy that was taken first (two nodes, or a redelivery while this one waited).</summary>
    private Task<MailMessage?> EarlierCopyAsync(MailMessage record, CancellationToken ct) =>
        record.MessageId is { } id
            ? db.Set<MailMessage>().AsNoTracking().Where(m => m.Id != record.Id && m.Direction == MailDirections.Inbound && m.MessageId == id && m.State == MailStates.Processed).FirstOrDefaultAsync(ct)
            : db.Set<MailMessage>().AsNoTracking().Where(m => m.Id != record.Id && m.Direction == MailDirections.Inbound && m.ContentSha256 == record.ContentSha256 && m.MessageId == null && m.State == MailStates.Processed).FirstOrDefaultAsync(ct);

    /// <summary>The ticket the message answers: by any Message-ID Rapport sent or received, then by the subject's token.</summary>
    private async Task<long?> ThreadAsync(MimeMessage message, CancellationToken ct)
    {
        var answered = MailThreading.Answered(message);
        if (answered.Count > 0)
        {
            var known = await db.Set<MailMessage>().AsNoTracking()
                .Where(m => m.MessageId != null && answered.Contains(m.MessageId) && m.TicketId != null)
                .Select(m => new { m.MessageId, m.TicketId })
                .ToListAsync(ct);
            foreach (var id in answered)
            {
                if (known.FirstOrDefault(k => k.MessageId == id)?.TicketId is { } ticketId)
                {
                    return ticketId;
                }
            }
        }

        return MailThreading.TicketIn(message.Subject) is { } token && await tickets.FindTicketAsync(token, ct) is not null ? token : null;
    }

    /// <summary>Mail handed over without a mailbox goes where the first mailbox sends its mail.</summary>
    private async Task<Guid?> DefaultServiceAsync(CancellationToken ct) =>
        await db.Set<Mailbox>().AsNoTracking().OrderBy(b => b.CreatedAt).Select(b => (Guid?)b.ServiceId).FirstOrDefaultAsync(ct);

    private async Task<MailIntake> SetAsideAsync(MailMessage record, string state, string reason, CancellationToken ct, string? from = null, long? ticketId = null)
    {
        var row = await db.Set<MailMessage>().SingleAsync(m => m.Id == record.Id, ct);
        if (row.State != MailStates.Received)
        {
            return ReceiveMail.Intake(row);
        }

        row.State = state;
        row.Reason = Shorten(reason, 1000);
        row.FromAddress = Shorten(from, 320);
        row.TicketId = ticketId;
        row.DoneAt = time.GetUtcNow();
        if (state == MailStates.Quarantined)
        {
            events.Append(new MailMessageQuarantined(record.Id, record.MailboxId, row.Reason!), "mail", record.Id.ToString());
        }
        else if (state == MailStates.Ignored)
        {
            events.Append(new MailMessageIgnored(record.Id, record.MailboxId, from, row.Reason!), "mail", record.Id.ToString());
        }

        await db.SaveChangesAsync(ct);
        return ReceiveMail.Intake(row);
    }

    private static string? Shorten(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
