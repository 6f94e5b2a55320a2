using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Mail.Domain;
using Rapport.Mail.Features;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Mail.Subscriptions;

/// <summary>
/// Puts a notice in the outbox for what a requester should hear of: their request received, an
/// agent's public reply, a question for them, the resolution. Internal notes are never sent. The
/// event id is the notice's key, so an event handled twice queues one notice.
/// </summary>
internal sealed class OnTicketNews(IOptions<MailOptions> options, TimeProvider time) : IEventSubscriber
{
    public string Name => "mail.on-ticket-news";

    public IReadOnlyCollection<string> EventTypes { get; } =
        [EventNames.Of<TicketOpened>(), EventNames.Of<ReplyAdded>(), EventNames.Of<TicketStateChanged>()];

    public async Task HandleAsync(EventEnvelope envelope, IServiceProvider scope, CancellationToken ct)
    {
        // Without a server to send through, nothing is queued: a desk that does not mail stays quiet.
        if (string.IsNullOrWhiteSpace(options.Value.SmtpHost))
        {
            return;
        }

        var (ticketId, notice, commentId) = envelope.Type switch
        {
            _ when envelope.Is<TicketOpened>() => (envelope.Payload<TicketOpened>().TicketId, MailNotices.Received, (Guid?)null),
            _ when envelope.Is<ReplyAdded>() && envelope.Payload<ReplyAdded>() is { AuthorKind: "agent" } reply => (reply.TicketId, MailNotices.Reply, reply.CommentId),
            _ when envelope.Is<TicketStateChanged>() && envelope.Payload<TicketStateChanged>() is { To: TicketStates.WaitingOnRequester } waiting => (waiting.TicketId, MailNotices.Waiting, null),
            _ when envelope.Is<TicketStateChanged>() && envelope.Payload<TicketStateChanged>() is { To: TicketStates.Resolved } resolved => (resolved.TicketId, MailNotices.Resolved, null),
            _ => (0L, "", null),
        };
        if (notice.Length == 0)
        {
            return;
        }

        var db = scope.GetRequiredService<RapportDb>();
        if (await db.Set<MailMessage>().AnyAsync(m => m.EventId == envelope.EventId, ct))
        {
            return;
        }

        var ticket = await scope.GetRequiredService<ITicketsByMail>().FindTicketAsync(ticketId, ct);
        var requester = ticket is null ? null : await scope.GetRequiredService<IOrganisationDirectory>().FindPersonAsync(ticket.RequesterId, ct);
        if (ticket is null || requester is null || string.IsNullOrWhiteSpace(requester.Email))
        {
            return;
        }

        // The conversation so far, oldest first: the notice answers the latest message and names them all.
        var thread = await db.Set<MailMessage>().AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.MessageId != null && (m.State == MailStates.Processed || m.Direction == MailDirections.Outbound))
            .OrderBy(m => m.CreatedAt).Select(m => new { Id = m.MessageId!, m.Direction }).ToListAsync(ct);

        // It answers what the requester wrote last, else Rapport's own last notice.
        var answers = thread.LastOrDefault(m => m.Direction == MailDirections.Inbound) ?? thread.LastOrDefault();
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var references = string.Join(' ', thread.TakeLast(20).Select(m => $"<{m.Id}>"));
        db.Add(new MailMessage
        {
            Id = id,
            Direction = MailDirections.Outbound,
            MessageId = string.Create(CultureInfo.InvariantCulture, $"{id:N}.{ticketId}@{options.Value.MessageIdDomain}"),
            State = MailStates.Queued,
            ToAddress = requester.Email,
            Subject = MailThreading.WithToken(ticket.Id, ticket.Subject),
            TicketId = ticket.Id,
            CommentId = commentId,
            EventId = envelope.EventId,
            Notice = notice,
            InReplyTo = answers?.Id,
            References = references.Length == 0 ? null : references[..Math.Min(references.Length, 8000)],
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }
}
