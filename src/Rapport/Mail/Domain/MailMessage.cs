namespace Rapport.Mail.Domain;

/// <summary>Which way a message went: received from someone, or sent by Rapport.</summary>
public static class MailDirections
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";
}

/// <summary>Where a message stands. Inbound: received, then processed, duplicate, ignored or quarantined. Outbound: queued, then sent or failed.</summary>
public static class MailStates
{
    public const string Received = "received";
    public const string Processed = "processed";
    public const string Duplicate = "duplicate";
    public const string Ignored = "ignored";
    public const string Quarantined = "quarantined";

    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>
/// One e-mail Rapport received or sent. Received messages are kept raw in the file store before
/// anything else happens, so a crash loses nothing; every Message-ID, in or out, is kept so that
/// replies find their ticket.
/// </summary>
public sealed class MailMessage
{
    public Guid Id { get; init; }

    public required string Direction { get; init; }

    public Guid? MailboxId { get; init; }

    /// <summary>The Message-ID without angle brackets; null when a received message has none.</summary>
    public string? MessageId { get; set; }

    /// <summary>SHA-256 of the raw message in the file store (received messages).</summary>
    public string? ContentSha256 { get; init; }

    public long Size { get; init; }

    public required string State { get; set; }

    /// <summary>Why a message was ignored, quarantined or is a duplicate; the last error of a sending.</summary>
    public string? Reason { get; set; }

    public string? FromAddress { get; set; }

    public string? ToAddress { get; set; }

    public string? Subject { get; set; }

    public long? TicketId { get; set; }

    public Guid? CommentId { get; set; }

    /// <summary>Outbound: the event that caused it; sending is idempotent on it.</summary>
    public Guid? EventId { get; init; }

    /// <summary>Outbound: what kind of notice it is (received, reply, waiting, resolved).</summary>
    public string? Notice { get; init; }

    public string? InReplyTo { get; set; }

    public string? References { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LeasedBy { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DoneAt { get; set; }
}
