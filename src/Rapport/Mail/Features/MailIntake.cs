using System.Globalization;

namespace Rapport.Mail.Features;

/// <summary>What became of one received message, in the words the ingest command prints.</summary>
public sealed record MailIntake(Guid MessageId, string State, long? TicketId, bool OpenedTicket, string? Reason)
{
    public override string ToString() => State switch
    {
        Domain.MailStates.Processed when OpenedTicket => string.Create(CultureInfo.InvariantCulture, $"ticket #{TicketId} created"),
        Domain.MailStates.Processed => string.Create(CultureInfo.InvariantCulture, $"joined ticket #{TicketId}"),
        Domain.MailStates.Duplicate => "duplicate",
        Domain.MailStates.Ignored => $"ignored: {Reason}",
        Domain.MailStates.Quarantined => $"quarantined: {Reason}",
        _ => "received, waiting to be processed",
    };
}
