using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Rapport.Mail.Contracts;
using Rapport.Mail.Domain;
using Rapport.Mail.Features;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Mail.Jobs;

/// <summary>
/// Sends the outbox over SMTP. A node takes a notice by writing its lease into the row, so two nodes
/// never send the same one; a failure is tried again later, waiting longer each time. A notice keeps
/// its Message-ID from the moment it is queued, so a resend after a crash is the same message.
/// </summary>
public sealed class SendMailJob(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider time, ILogger<SendMailJob> logger) : BackgroundService
{
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sends everything due now; answers how many notices were tried.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SmtpHost))
        {
            return 0;
        }

        var tried = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            var now = time.GetUtcNow();
            var due = await db.Set<MailMessage>().AsNoTracking()
                .Where(m => m.Direction == MailDirections.Outbound && m.State == MailStates.Queued && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
                .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(20).ToListAsync(ct);
            if (due.Count == 0)
            {
                return tried;
            }

            foreach (var id in due)
            {
                var taken = await db.Set<MailMessage>()
                    .Where(m => m.Id == id && m.State == MailStates.Queued && (m.LeaseUntil == null || m.LeaseUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedBy, _node).SetProperty(m => m.LeaseUntil, now + Lease), ct);
                if (taken == 1)
                {
                    await SendAsync(scope.ServiceProvider, id, ct);
                    tried++;
                }
            }
        }
    }

    private async Task SendAsync(IServiceProvider sp, Guid id, CancellationToken ct)
    {
        var db = sp.GetRequiredService<RapportDb>();
        db.ChangeTracker.Clear();
        var notice = await db.Set<MailMessage>().SingleAsync(m => m.Id == id, ct);
        string? error;
        try
        {
            var message = await ComposeAsync(sp, notice, ct);
            if (message is null)
            {
                notice.State = MailStates.Failed;
                notice.Reason = "nothing to send: the ticket or its reply is gone";
                notice.DoneAt = time.GetUtcNow();
                notice.LeasedBy = null;
                notice.LeaseUntil = null;
                await db.SaveChangesAsync(ct);
                return;
            }

            error = await DeliverAsync(message, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ParseException)
        {
            error = e.Message;
        }

        var now = time.GetUtcNow();
        notice.Attempts++;
        notice.LeasedBy = null;
        notice.LeaseUntil = null;
        var events = sp.GetRequiredService<EventLog>();
        if (error is null)
        {
            notice.State = MailStates.Sent;
            notice.DoneAt = now;
            notice.NextAttemptAt = null;
            events.Append(new MailMessageSent(notice.Id, notice.TicketId ?? 0, notice.ToAddress ?? "", notice.Notice ?? "", notice.EventId ?? Guid.Empty), "ticket", (notice.TicketId ?? 0).ToString(CultureInfo.InvariantCulture));
        }
        else if (notice.Attempts >= options.Value.MaxSendAttempts)
        {
            notice.State = MailStates.Failed;
            notice.Reason = Shorten(error);
            notice.NextAttemptAt = null;
            notice.DoneAt = now;
            events.Append(new MailSendingFailed(notice.Id, notice.TicketId ?? 0, notice.ToAddress ?? "", notice.Reason), "ticket", (notice.TicketId ?? 0).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            notice.Reason = Shorten(error);
            notice.NextAttemptAt = now + Backoff(notice.Attempts);
            logger.LogWarning("Sending mail {MessageId} to {To} failed ({Error}); trying again at {Next}.", notice.Id, notice.ToAddress, error, notice.NextAttemptAt);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>1, 2, 4 … minutes, at most six hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), 360));

    private async Task<MimeMessage?> ComposeAsync(IServiceProvider sp, MailMessage notice, CancellationToken ct)
    {
        var tickets = sp.GetRequiredService<ITicketsByMail>();
        var ticket = notice.TicketId is { } ticketId ? await tickets.FindTicketAsync(ticketId, ct) : null;
        var comment = notice.CommentId is { } commentId ? await tickets.FindCommentAsync(commentId, ct) : null;
        if (ticket is null || (notice.Notice == MailNotices.Reply && (comment is null || comment.IsInternal)))
        {
            return null;
        }

        var requester = await sp.GetRequiredService<IOrganisationDirectory>().FindPersonAsync(ticket.RequesterId, ct);
        var o = options.Value;
        var link = string.Create(CultureInfo.InvariantCulture, $"{o.PublicUrl.TrimEnd('/')}/portal/requests/{ticket.Id}");
        var text = NoticeTemplates.Write(notice.Notice!, ticket.Id, ticket.Subject, requester?.DisplayName ?? "", comment?.AuthorName, comment?.Body, comment?.BodyHtml, link);
        var from = await FromAsync(sp, ticket.Id, ct);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, from));
        message.To.Add(new MailboxAddress(requester?.DisplayName ?? "", notice.ToAddress ?? ""));
        message.Subject = text.Subject;
        message.MessageId = notice.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId(o.MessageIdDomain);
        message.Date = notice.CreatedAt;
        if (notice.InReplyTo is { } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }

        foreach (var reference in MimeKit.Utils.MimeUtils.EnumerateReferences(notice.References ?? ""))
        {
            message.References.Add(reference);
        }

        if (MailNotices.IsAutomatic(notice.Notice!))
        {
            message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        }

        // Answers from robots (out-of-office) to Rapport's own mail are not wanted.
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Body = new BodyBuilder { TextBody = text.Text, HtmlBody = text.Html }.ToMessageBody();
        return message;
    }

    /// <summary>The address of the mailbox the ticket came in through, else the configured one.</summary>
    private async Task<string> FromAsync(IServiceProvider sp, long ticketId, CancellationToken ct)
    {
        var db = sp.GetRequiredService<RapportDb>();
        var address = await (from m in db.Set<MailMessage>().AsNoTracking()
                             join b in db.Set<Mailbox>().AsNoTracking() on m.MailboxId equals b.Id
                             where m.TicketId == ticketId && m.Direction == MailDirections.Inbound
                             orderby m.CreatedAt
                             select b.Address).FirstOrDefaultAsync(ct);
        return address ?? options.Value.FromAddress;
    }

    private async Task<string?> DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var smtp = new SmtpClient();
        try
        {
            var security = o.SmtpSecurity.ToLowerInvariant() switch
            {
                "none" => SecureSocketOptions.None,
                "tls" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            };
            await smtp.ConnectAsync(o.SmtpHost ?? "", o.SmtpPort, security, ct);
            if (!string.IsNullOrEmpty(o.SmtpUser))
            {
                await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
            }

            await smtp.SendAsync(message, ct);
            await smtp.DisconnectAsync(quit: true, ct);
            return null;
        }
        catch (Exception e) when (e is MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or MailKit.ServiceNotConnectedException
            or AuthenticationException or System.Net.Sockets.SocketException or IOException or SslHandshakeException or TimeoutException)
        {
            return $"{o.SmtpHost}:{o.SmtpPort} — {e.Message}";
        }
    }

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..1000];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MailLoop.RunAsync(options.Value, time, logger, "Sending mail", RunOnceAsync, stoppingToken);
}
