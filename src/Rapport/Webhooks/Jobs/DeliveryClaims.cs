using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Webhooks.Domain;

namespace Rapport.Webhooks.Jobs;

/// <summary>A delivery this node holds a lease on, with what it needs to send it.</summary>
internal sealed record ClaimedDelivery(WebhookDelivery Delivery, string Url, string ProtectedSecret);

/// <summary>
/// Takes due deliveries for one node, so that two nodes never send the same delivery at once: the
/// node writes its name and a lease into the row, and only rows without a live lease can be taken.
/// On PostgreSQL the rows are picked with <c>FOR UPDATE SKIP LOCKED</c> in a short transaction, so
/// nodes pick different rows instead of queueing behind each other; on SQLite (one writer at a time)
/// a conditional update per row, checked by its count of changed rows, is enough.
/// </summary>
internal static class DeliveryClaims
{
    private const string Pending = WebhookDeliveryStatus.Pending;
    private const string Failed = WebhookDeliveryStatus.Failed;

    public static async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(
        RapportDb db, bool postgres, string node, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        var until = now + lease;
        var ids = postgres
            ? await ClaimOnPostgresAsync(db, node, now, until, limit, ct)
            : await ClaimOnSqliteAsync(db, node, now, until, limit, ct);
        if (ids.Count == 0)
        {
            return [];
        }

        // Read back what was claimed: the rows as they are now, under this node's lease.
        var rows = await (from d in db.Set<WebhookDelivery>().AsNoTracking()
                          join s in db.Set<WebhookSubscription>().AsNoTracking() on d.SubscriptionId equals s.Id
                          where ids.Contains(d.Id) && d.LeasedBy == node
                          orderby d.NextAttemptAt
                          select new { Delivery = d, s.Url, s.ProtectedSecret })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ClaimedDelivery(r.Delivery, r.Url, r.ProtectedSecret))];
    }

    private static async Task<List<Guid>> ClaimOnPostgresAsync(
        RapportDb db, string node, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Set<WebhookDelivery>().FromSql(
            $"""
            SELECT d.*
            FROM webhook_deliveries d
            JOIN webhook_subscriptions s ON s.id = d.subscription_id
            WHERE d.status IN ({Pending}, {Failed})
              AND d.next_attempt_at <= {now}
              AND (d.lease_until IS NULL OR d.lease_until < {now})
              AND s.is_active
            ORDER BY d.next_attempt_at
            LIMIT {limit}
            FOR UPDATE OF d SKIP LOCKED
            """).AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        if (ids.Count > 0)
        {
            await db.Set<WebhookDelivery>()
                .Where(d => ids.Contains(d.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeasedBy, node).SetProperty(d => d.LeaseUntil, until), ct);
        }

        await transaction.CommitAsync(ct);
        return ids;
    }

    private static async Task<List<Guid>> ClaimOnSqliteAsync(
        RapportDb db, string node, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct)
    {
        var candidates = await Due(db, now)
            .Where(d => db.Set<WebhookSubscription>().Any(s => s.Id == d.SubscriptionId && s.IsActive))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(limit)
            .ToListAsync(ct);
        var claimed = new List<Guid>(candidates.Count);
        foreach (var id in candidates)
        {
            // Another node may have taken it since it was read: then no row changes and it is theirs.
            var changed = await Due(db, now)
                .Where(d => d.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeasedBy, node).SetProperty(d => d.LeaseUntil, until), ct);
            if (changed == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    private static IQueryable<WebhookDelivery> Due(RapportDb db, DateTimeOffset now) =>
        db.Set<WebhookDelivery>().Where(d =>
            (d.Status == Pending || d.Status == Failed)
            && d.NextAttemptAt <= now
            && (d.LeaseUntil == null || d.LeaseUntil < now));
}
