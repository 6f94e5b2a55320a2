using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Platform.Database;

namespace Rapport.Clocks.Features;

internal sealed class ClockQueries(RapportDb db, PromiseBook promises, TimeProvider time) : ITicketClocks
{
    public async Task<TicketClocksDto> ForTicketAsync(long ticketId, CancellationToken ct) =>
        (await ForTicketsAsync([ticketId], ct)).GetValueOrDefault(ticketId) ?? TicketClocksDto.None;

    public async Task<IReadOnlyDictionary<long, TicketClocksDto>> ForTicketsAsync(IReadOnlyCollection<long> ticketIds, CancellationToken ct)
    {
        var clocks = await db.Set<TicketClock>().AsNoTracking().Where(c => ticketIds.Contains(c.TicketId)).ToListAsync(ct);
        var now = time.GetUtcNow();
        var result = new Dictionary<long, TicketClocksDto>();
        foreach (var ticket in clocks.GroupBy(c => c.TicketId))
        {
            var terms = await promises.ForServiceAsync(ticket.First().ServiceId, ct);
            ClockDto? Read(string kind) => ticket.FirstOrDefault(c => c.Kind == kind) is { } clock && terms is not null
                ? ToDto(clock.ToReading(), terms.Time, now)
                : null;
            result[ticket.Key] = new TicketClocksDto(Read(ClockKinds.FirstResponse), Read(ClockKinds.Resolution));
        }

        return result;
    }

    public async Task<ServicePromiseDto?> PromiseForServiceAsync(Guid serviceId, CancellationToken ct) =>
        await promises.ForServiceAsync(serviceId, ct) is { } terms
            ? new ServicePromiseDto(serviceId, terms.Promise.Text, terms.Calendar.Name,
                [.. terms.Promise.Targets.Select(t => new PromiseTargetDto(t.Priority, t.FirstResponseMinutes, t.ResolutionMinutes))],
                terms.Promise.MinHappiness, terms.Promise.MaxLostMinutes, terms.Calendar.TimeZone)
            : null;

    private static ClockDto ToDto(ClockReading reading, WorkingTime time, DateTimeOffset now) =>
        new(reading.Kind, reading.StateAt(now), reading.DueAt, reading.Target, reading.IsStopped ? reading.Target - reading.Elapsed : reading.LeftAt(now, time));
}
