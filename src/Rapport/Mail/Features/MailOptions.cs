using System.ComponentModel.DataAnnotations;

namespace Rapport.Mail.Features;

/// <summary>The <c>Mail</c> section of the settings.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Larger messages are kept out and quarantined with the reason.</summary>
    [Range(1, 1024)]
    public int MaxMessageMegabytes { get; set; } = 50;

    public long MaxMessageBytes => MaxMessageMegabytes * 1024L * 1024L;

    /// <summary>Whether this node runs the mail jobs (fetching, finishing, sending).</summary>
    public bool Run { get; set; } = true;

    /// <summary>How often mailboxes are fetched over IMAP, received messages are finished and the outbox is sent.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The SMTP server notices go out through; no server means nothing is sent (the outbox waits).</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>none, starttls or tls.</summary>
    public string SmtpSecurity { get; set; } = "starttls";

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The address notices come from when the ticket's mailbox is not known.</summary>
    [EmailAddress]
    public string FromAddress { get; set; } = "support@rapport.invalid";

    public string FromName { get; set; } = "Service desk";

    /// <summary>The domain in the Message-IDs Rapport makes.</summary>
    public string MessageIdDomain { get; set; } = "rapport.invalid";

    /// <summary>Where links in notices point (the public address of Rapport).</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    [Range(1, 50)]
    public int MaxSendAttempts { get; set; } = 8;
}
