using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Web;
using Rapport.Webhooks.Domain;

namespace Rapport.Webhooks.Features;

/// <summary>A webhook for lists: itself, its most recent delivery, and how many deliveries are failing.</summary>
public sealed record WebhookSummary(WebhookSubscription Webhook, WebhookDelivery? LastDelivery, int Failing);

/// <summary>Which deliveries of a webhook to list, newest first.</summary>
public sealed record DeliveryFilter(string? Status, string? Cursor, int? Size)
{
    public static readonly IReadOnlyList<string> Statuses =
        [WebhookDeliveryStatus.Pending, WebhookDeliveryStatus.Delivered, WebhookDeliveryStatus.Failed, WebhookDeliveryStatus.GaveUp];

    public string? KnownStatus => Status is not null && Statuses.Contains(Status) ? Status : null;
}

public sealed class WebhookQueries(RapportDb db)
{
    public async Task<IReadOnlyList<WebhookSummary>> ListAsync(CancellationToken ct)
    {
        var webhooks = await db.Set<WebhookSubscription>().AsNoTracking()
            .OrderBy(w => w.Name)
            .ToListAsync(ct);
        var summaries = new List<WebhookSummary>(webhooks.Count);
        foreach (var webhook in webhooks)
        {
            summaries.Add(await SummariseAsync(webhook, ct));
        }

        return summaries;
    }

    public async Task<WebhookSummary?> GetAsync(Guid id, CancellationToken ct)
    {
        var webhook = await db.Set<WebhookSubscription>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
        return webhook is null ? null : await SummariseAsync(webhook, ct);
    }

    /// <summary>A page of a webhook's delivery log, newest first (keyset on created-at, then id).</summary>
    public async Task<Page<WebhookDelivery>> DeliveriesAsync(Guid webhookId, DeliveryFilter filter, CancellationToken ct)
    {
        var take = Paging.Size(filter.Size);
        var query = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == webhookId);
        if (filter.KnownStatus is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (Paging.Decode<DeliveryKey>(filter.Cursor) is { } key)
        {
            query = query.Where(d => d.CreatedAt < key.CreatedAt || (d.CreatedAt == key.CreatedAt && d.Id.CompareTo(key.Id) < 0));
        }

        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take + 1).ToListAsync(ct);
        var next = rows.Count > take ? Paging.Encode(new DeliveryKey(rows[take - 1].CreatedAt, rows[take - 1].Id)) : null;
        return new Page<WebhookDelivery>([.. rows.Take(take)], next);
    }

    private async Task<WebhookSummary> SummariseAsync(WebhookSubscription webhook, CancellationToken ct)
    {
        var deliveries = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == webhook.Id);
        var last = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        var failing = await deliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Failed || d.Status == WebhookDeliveryStatus.GaveUp, ct);
        return new WebhookSummary(webhook, last, failing);
    }

    private sealed record DeliveryKey(DateTimeOffset CreatedAt, Guid Id);
}
