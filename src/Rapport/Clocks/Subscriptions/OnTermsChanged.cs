using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Clocks.Features;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Clocks.Subscriptions;

/// <summary>
/// When a calendar or a promise changes, the clocks of the affected services' unfinished tickets are
/// replayed on the new terms, a batch at a time, so due times, warnings and queues follow at once.
/// Finished clocks keep what they were measured against. Tickets of a service that had no promise
/// have no clocks yet: they are found from their opening event.
/// </summary>
internal sealed class OnTermsChanged : IEventSubscriber
{
    public const int BatchSize = 500;

    private static readonly string CalendarSaved = EventNames.Of<BusinessCalendarSaved>();
    private static readonly string PromiseSaved = EventNames.Of<ServicePromiseSaved>();
    private static readonly string PromiseRemoved = EventNames.Of<ServicePromiseRemoved>();

    public string Name => "clocks.terms-changed";

    public IReadOnlyCollection<string> EventTypes => [CalendarSaved, PromiseSaved, PromiseRemoved];

    public async Task HandleAsync(EventEnvelope envelope, IServiceProvider scope, CancellationToken ct)
    {
        var db = scope.GetRequiredService<RapportDb>();
        using var payload = JsonDocument.Parse(envelope.Entry.Payload);
        List<Guid> services;
        if (envelope.Type == CalendarSaved)
        {
            var calendarId = payload.RootElement.GetProperty("calendarId").GetGuid();
            services = await db.Set<ServicePromise>().AsNoTracking().Where(p => p.CalendarId == calendarId).Select(p => p.ServiceId).ToListAsync(ct);
        }
        else
        {
            services = [payload.RootElement.GetProperty("serviceId").GetGuid()];
        }

        if (services.Count == 0)
        {
            return;
        }

        var promises = scope.GetRequiredService<PromiseBook>();
        promises.Forget();
        var replay = scope.GetRequiredService<ClockReplay>();
        foreach (var batch in (await RunningAsync(db, services, ct)).Union(envelope.Type == CalendarSaved ? [] : await WithoutClocksAsync(db, services[0], ct)).Order().Chunk(BatchSize))
        {
            await replay.ReplayAsync(batch, ct);
            // Written within the dispatcher's transaction, and let go, so a large service does not pile up in memory.
            await db.SaveChangesAsync(ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is TicketClock or EventLogEntry && e.State == EntityState.Unchanged).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    private static Task<List<long>> RunningAsync(RapportDb db, List<Guid> services, CancellationToken ct) =>
        db.Set<TicketClock>().AsNoTracking()
            .Where(c => services.Contains(c.ServiceId) && c.StoppedAt == null)
            .Select(c => c.TicketId)
            .Distinct()
            .ToListAsync(ct);

    /// <summary>
    /// Tickets opened for the service that keep no clock at all (it had no promise when they came), less
    /// those resolved or closed since: they were never promised anything, and a reopen replays them anyway.
    /// </summary>
    private static async Task<List<long>> WithoutClocksAsync(RapportDb db, Guid serviceId, CancellationToken ct)
    {
        var opened = EventNames.Of<TicketOpened>();
        var moved = EventNames.Of<TicketStateChanged>();
        var named = $"\"serviceId\":\"{serviceId}\"";
        var cases = await db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.Type == opened && e.CaseType == "ticket" && e.Payload.Contains(named))
            .Select(e => e.CaseId)
            .ToListAsync(ct);
        var waiting = new List<long>();
        foreach (var chunk in cases.Chunk(BatchSize))
        {
            var tickets = chunk.Select(c => long.Parse(c, CultureInfo.InvariantCulture)).ToList();
            var withClocks = await db.Set<TicketClock>().AsNoTracking().Where(c => tickets.Contains(c.TicketId)).Select(c => c.TicketId).Distinct().ToListAsync(ct);
            var moves = await db.Set<EventLogEntry>().AsNoTracking()
                .Where(e => e.Type == moved && e.CaseType == "ticket" && chunk.Contains(e.CaseId))
                .OrderBy(e => e.Sequence)
                .Select(e => new { e.CaseId, e.Payload })
                .ToListAsync(ct);
            var finished = moves.GroupBy(m => m.CaseId)
                .Where(g => JsonSerializer.Deserialize<TicketStateChanged>(g.Last().Payload, EventJson.Options)!.To is "resolved" or "closed")
                .Select(g => long.Parse(g.Key, CultureInfo.InvariantCulture));
            waiting.AddRange(tickets.Except(withClocks).Except(finished));
        }

        return waiting;
    }
}
