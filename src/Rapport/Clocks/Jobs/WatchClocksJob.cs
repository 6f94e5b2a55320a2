using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Clocks.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Clocks.Features;
using Rapport.Platform.Database;
using Rapport.Platform;
using Rapport.Platform.Events;

namespace Rapport.Clocks.Jobs;

/// <summary>
/// Finds running clocks that reached their warning share or their target and raises the alarm:
/// an at-risk or breached event, with the promise's escalations. Each alarm fires once: the alert
/// row, keyed by ticket, clock and alarm, is saved with its event in one transaction. On
/// PostgreSQL the clock's row is locked first with <c>FOR UPDATE SKIP LOCKED</c>, so when two
/// nodes find the same clock one fires and the other passes it by; SQLite has one writer at a time.
/// </summary>
public sealed class WatchClocks(
    RapportDb db, EventLog events, PromiseBook promises, IOptions<RapportOptions> settings, TimeProvider time, ILogger<WatchClocks> log)
{
    public async Task<int> RunOnceAsync(int limit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var fired = 0;
        var atRisk = await Due(c => c.WarnAt <= now, ClockAlerts.AtRisk, limit, ct);
        foreach (var clock in atRisk)
        {
            fired += await FireAsync(clock, ClockAlerts.AtRisk, new ClockAtRisk(clock.TicketId, clock.Kind, clock.DueAt!.Value), now, ct) ? 1 : 0;
        }

        var breached = await Due(c => c.DueAt <= now, ClockAlerts.Breached, limit, ct);
        foreach (var clock in breached)
        {
            var escalations = (await promises.ForServiceAsync(clock.ServiceId, ct))?.Promise.Escalations ?? [];
            fired += await FireAsync(clock, ClockAlerts.Breached, new ClockBreached(clock.TicketId, clock.Kind, clock.DueAt!.Value, escalations), now, ct) ? 1 : 0;
        }

        return fired;
    }

    private Task<List<TicketClock>> Due(System.Linq.Expressions.Expression<Func<TicketClock, bool>> reached, string alert, int limit, CancellationToken ct) =>
        db.Set<TicketClock>().AsNoTracking()
            .Where(c => c.RunningSince != null && c.StoppedAt == null)
            .Where(reached)
            .Where(c => !db.Set<ClockAlert>().Any(a => a.TicketId == c.TicketId && a.Kind == c.Kind && a.Alert == alert))
            .OrderBy(c => c.DueAt)
            .Take(limit)
            .ToListAsync(ct);

    private async Task<bool> FireAsync(TicketClock clock, string alert, IEvent fact, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (settings.Value.Database.IsPostgres)
            {
                var mine = await db.Database
                    .SqlQuery<int>($"SELECT 1 AS value FROM ticket_clocks WHERE ticket_id = {clock.TicketId} AND kind = {clock.Kind} FOR UPDATE SKIP LOCKED")
                    .ToListAsync(ct);
                if (mine.Count == 0)
                {
                    return false;
                }
            }

            if (await db.Set<ClockAlert>().AnyAsync(a => a.TicketId == clock.TicketId && a.Kind == clock.Kind && a.Alert == alert, ct))
            {
                return false;
            }

            db.Add(new ClockAlert { TicketId = clock.TicketId, Kind = clock.Kind, Alert = alert, FiredAt = now });
            events.Append(fact, "ticket", clock.TicketId.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException e)
        {
            // Another node fired it first: nothing of ours was saved.
            log.LogDebug(e, "The {Alert} alarm of ticket {Ticket}'s {Kind} clock was fired by another node.", alert, clock.TicketId, clock.Kind);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>Runs <see cref="WatchClocks"/> on every node, every half minute by default.</summary>
internal sealed class WatchClocksJob(IServiceScopeFactory scopes, IOptions<ClocksOptions> options, TimeProvider time, ILogger<WatchClocksJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.WatchIntervalSeconds), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WatchClocks>().RunOnceAsync(200, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Watching clocks failed; trying again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
