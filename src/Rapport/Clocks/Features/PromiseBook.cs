using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Domain;
using Rapport.Platform.Database;

namespace Rapport.Clocks.Features;

/// <summary>A service's promise with the working time of its calendar.</summary>
public sealed record PromiseTerms(ServicePromise Promise, BusinessCalendar Calendar, WorkingTime Time);

/// <summary>Promises and their calendars, read once per scope (a dispatch batch, a recompute batch, a request).</summary>
public sealed class PromiseBook(RapportDb db)
{
    private Dictionary<Guid, PromiseTerms>? _byService;

    public async Task<PromiseTerms?> ForServiceAsync(Guid serviceId, CancellationToken ct)
    {
        if (_byService is null)
        {
            var calendars = await db.Set<BusinessCalendar>().AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
            var promises = await db.Set<ServicePromise>().AsNoTracking().ToListAsync(ct);
            _byService = [];
            foreach (var promise in promises)
            {
                if (calendars.TryGetValue(promise.CalendarId, out var calendar) && WorkingTime.For(calendar) is { Succeeded: true } time)
                {
                    _byService[promise.ServiceId] = new PromiseTerms(promise, calendar, time.Value);
                }
            }
        }

        return _byService.GetValueOrDefault(serviceId);
    }

    /// <summary>Reads promises and calendars afresh next time: they changed within this scope.</summary>
    public void Forget() => _byService = null;
}
