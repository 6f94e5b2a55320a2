namespace Rapport.Mail.Domain;

/// <summary>What happens to mail from someone the organisation does not know.</summary>
public static class UnknownSenderPolicies
{
    public const string Create = "create";
    public const string Reject = "reject";

    public static readonly IReadOnlyList<string> All = [Create, Reject];
}

/// <summary>
/// An address people write to: where its new mail becomes tickets (a service, so a department),
/// how Rapport fetches it over IMAP, and the token an MTA uses to hand messages over directly.
/// </summary>
public sealed class Mailbox
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>The address people write to; replies go out from it.</summary>
    public required string Address { get; set; }

    public Guid ServiceId { get; set; }

    public string UnknownSenders { get; set; } = UnknownSenderPolicies.Create;

    /// <summary>SHA-256 of the inbound token, shown once when made.</summary>
    public string? TokenHash { get; set; }

    public string? TokenHint { get; set; }

    public string? ImapHost { get; set; }

    public int ImapPort { get; set; } = 993;

    public bool ImapTls { get; set; } = true;

    public string? ImapAccount { get; set; }

    /// <summary>The IMAP password, protected with ASP.NET Core Data Protection.</summary>
    public string? ProtectedPassword { get; set; }

    public string ImapFolder { get; set; } = "INBOX";

    /// <summary>Where fetched mail is moved; when empty it is flagged as seen and left in place.</summary>
    public string? ProcessedFolder { get; set; }

    public bool IsEnabled { get; set; } = true;

    public DateTimeOffset? LastFetchedAt { get; set; }

    public string? LastFetchError { get; set; }

    public string? LeasedBy { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool FetchesOverImap => IsEnabled && !string.IsNullOrWhiteSpace(ImapHost) && !string.IsNullOrWhiteSpace(ImapAccount);
}
