using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Clocks.Features;

/// <summary>
/// Replays tickets' events into their clocks and keeps the result. Live (after each ticket event)
/// and in bulk (<c>rapport clocks recompute</c>) run the same code on the same events, so both give
/// the same clocks.
/// </summary>
public sealed class ClockReplay(RapportDb db, EventLog events, PromiseBook promises)
{
    private static readonly string Opened = EventNames.Of<TicketOpened>();
    private static readonly string Moved = EventNames.Of<TicketStateChanged>();
    private static readonly string Replied = EventNames.Of<ReplyAdded>();
    private static readonly string Reprioritised = EventNames.Of<TicketPriorityChanged>();

    /// <summary>The ticket events clocks depend on.</summary>
    public static readonly IReadOnlyCollection<string> Inputs = [Opened, Moved, Replied, Reprioritised];

    /// <summary>Replays the tickets and stages the changed clocks (and due-time events); the caller saves.</summary>
    public async Task<int> ReplayAsync(IReadOnlyCollection<long> ticketIds, CancellationToken ct)
    {
        var caseIds = ticketIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var inputs = Inputs.ToList();
        var log = await db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.CaseType == "ticket" && caseIds.Contains(e.CaseId) && inputs.Contains(e.Type))
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.CaseId, e.Type, e.OccurredAt, e.Payload })
            .ToListAsync(ct);
        // Clocks staged earlier in the same unit of work (several events of one ticket in a batch) count as kept.
        var kept = await db.Set<TicketClock>().Where(c => ticketIds.Contains(c.TicketId)).ToListAsync(ct);
        kept.AddRange(db.ChangeTracker.Entries<TicketClock>()
            .Where(e => e.State == EntityState.Added && ticketIds.Contains(e.Entity.TicketId))
            .Select(e => e.Entity));
        kept.RemoveAll(c => db.Entry(c).State == EntityState.Deleted);
        var changed = 0;
        foreach (var ticket in log.GroupBy(e => long.Parse(e.CaseId, CultureInfo.InvariantCulture)))
        {
            var facts = new List<ClockFact>();
            Guid? serviceId = null;
            foreach (var entry in ticket)
            {
                if (entry.Type == Opened)
                {
                    var opened = Read<TicketOpened>(entry.Payload);
                    serviceId = opened.ServiceId;
                    facts.Add(new ClockFact.Opened(entry.OccurredAt, opened.Priority));
                }
                else if (entry.Type == Moved)
                {
                    var moved = Read<TicketStateChanged>(entry.Payload);
                    facts.Add(new ClockFact.Moved(entry.OccurredAt, moved.From, moved.To));
                }
                else if (entry.Type == Replied && Read<ReplyAdded>(entry.Payload).AuthorKind == "agent")
                {
                    facts.Add(new ClockFact.AgentReplied(entry.OccurredAt));
                }
                else if (entry.Type == Reprioritised)
                {
                    facts.Add(new ClockFact.PriorityChanged(entry.OccurredAt, Read<TicketPriorityChanged>(entry.Payload).Priority));
                }
            }

            var terms = serviceId is { } service ? await promises.ForServiceAsync(service, ct) : null;
            var readings = terms is null ? [] : TicketClocks.Replay(facts, terms.Promise, terms.Time);
            if (Keep(ticket.Key, serviceId ?? Guid.Empty, readings, kept))
            {
                changed++;
            }
        }

        return changed;
    }

    /// <summary>Brings the kept clocks of a ticket in line with the replayed ones; true when something changed.</summary>
    private bool Keep(long ticketId, Guid serviceId, IReadOnlyList<ClockReading> readings, List<TicketClock> kept)
    {
        var mine = kept.Where(c => c.TicketId == ticketId).ToList();
        var dueBefore = NextDue(mine);
        var changed = false;
        foreach (var gone in mine.Where(c => readings.All(r => r.Kind != c.Kind)))
        {
            db.Remove(gone);
            mine.Remove(gone);
            changed = true;
        }

        foreach (var reading in readings)
        {
            var clock = mine.SingleOrDefault(c => c.Kind == reading.Kind);
            if (clock is null)
            {
                clock = new TicketClock { TicketId = ticketId, Kind = reading.Kind };
                db.Add(clock);
                mine.Add(clock);
            }

            changed |= clock.Take(reading, serviceId);
        }

        var dueAfter = NextDue(mine);
        if (dueAfter != dueBefore)
        {
            events.Append(new TicketDueChanged(ticketId, dueAfter), "ticket-clock", ticketId.ToString(CultureInfo.InvariantCulture));
        }

        return changed;
    }

    private static DateTimeOffset? NextDue(IEnumerable<TicketClock> clocks) =>
        clocks.Where(c => c.DueAt is not null).Min(c => c.DueAt);

    private static T Read<T>(string payload) where T : IEvent =>
        System.Text.Json.JsonSerializer.Deserialize<T>(payload, EventJson.Options)!;
}
