using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Mail.Domain;
using Rapport.Mail.Features;
using Rapport.Platform.Database;

namespace Rapport.Mail.Api;

/// <summary>What became of a message handed over by a mail server.</summary>
public sealed record InboundMailResponse(Guid Id, string State, long? TicketId, bool OpenedTicket, string? Reason, string Summary);

/// <summary>The raw-message entry point, for a mail server that pipes mail to Rapport.</summary>
public static class InboundMailApi
{
    public static void MapInboundMailApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/inbound/mime", ReceiveAsync)
            .WithTags("Mail")
            .WithName("ReceiveMail")
            .WithSummary("Hand over a raw e-mail")
            .WithDescription(
                "The body is one RFC 5322 message (`Content-Type: message/rfc822`), as a mail server received it. " +
                "Authenticate with the mailbox's inbound token: `Authorization: Bearer rmt_…`. The message is kept before it is processed; " +
                "the answer tells whether it opened or joined a ticket, was a duplicate, was ignored (automatic replies, bounces) or quarantined, with the reason. " +
                "Sending the same message again is safe: it is recognised by its Message-ID and adds nothing.")
            .Accepts<string>("message/rfc822")
            .AllowAnonymous()
            .DisableAntiforgery();
    }

    private static async Task<Results<Ok<InboundMailResponse>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, RapportDb db, ReceiveMail receive, CancellationToken ct)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (!token.StartsWith(MailboxSecrets.TokenPrefix, StringComparison.Ordinal))
        {
            return Unauthorized();
        }

        var hash = MailboxSecrets.HashOf(token);
        var mailbox = await db.Set<Mailbox>().AsNoTracking().Where(b => b.TokenHash == hash && b.IsEnabled).Select(b => (Guid?)b.Id).SingleOrDefaultAsync(ct);
        if (mailbox is null)
        {
            return Unauthorized();
        }

        var intake = await receive.ReceiveAsync(request.Body, mailbox, ct);
        return TypedResults.Ok(new InboundMailResponse(intake.MessageId, intake.State, intake.TicketId, intake.OpenedTicket, intake.Reason, intake.ToString()));
    }

    private static ProblemHttpResult Unauthorized() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "A mailbox token is needed",
        detail: "Send the mailbox's inbound token as 'Authorization: Bearer rmt_…'; an administrator finds it when adding the mailbox.");
}
