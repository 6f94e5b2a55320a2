using System.ComponentModel.DataAnnotations;

namespace Rapport.Webhooks.Features;

/// <summary>Settings of the Webhooks module, bound from "Webhooks".</summary>
public sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Let webhooks reach loopback, private, link-local and unique-local addresses. Off by default, so that
    /// an administrator's URL cannot make the server call the machines and services only it can reach.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Send webhooks from this process (every node may; they share the work).</summary>
    public bool Send { get; set; } = true;

    /// <summary>Attempts in all before a delivery is given up.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a receiver has to answer.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>How often the sender looks for due deliveries.</summary>
    [Range(1, 3600)]
    public int PollIntervalSeconds { get; set; } = 5;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
