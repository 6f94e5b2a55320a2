namespace Rapport.Webhooks.Domain;

/// <summary>An administrator's request: "POST these events to this URL, signed with this secret".</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    /// <summary>The signing secret, protected with the application's data-protection keys.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>Event types to send; "*" for every event.</summary>
    public List<string> EventTypes { get; set; } = [];

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; }
}

/// <summary>
/// One event for one subscription: sent until the receiver answers 2xx, with back-off, or given up
/// after the last attempt. The event id is the idempotency key receivers see.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }

    public Guid SubscriptionId { get; init; }

    public Guid EventId { get; init; }

    public required string EventType { get; init; }

    /// <summary>The JSON body sent, fixed when the delivery is made so that every attempt sends the same bytes.</summary>
    public required string Body { get; init; }

    /// <summary>pending, delivered, failed (will retry), gave-up.</summary>
    public string Status { get; set; } = WebhookDeliveryStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Which node holds the delivery while sending it, and until when.</summary>
    public string? LeasedBy { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}

public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string GaveUp = "gave-up";
}
