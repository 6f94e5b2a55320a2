using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Platform.Database;

namespace Rapport.Clocks.Features;

/// <summary>A calendar with the services whose promises count time on it.</summary>
public sealed record CalendarSummary(BusinessCalendar Calendar, IReadOnlyList<ServiceDto> Services);

/// <summary>A service and its promise, if it has one.</summary>
public sealed record ServiceWithPromise(ServiceDto Service, ServicePromise? Promise, BusinessCalendar? Calendar);

/// <summary>What the admin pages and the API read about calendars and promises.</summary>
public sealed class PromiseQueries(RapportDb db, ICatalog catalog)
{
    public async Task<IReadOnlyList<CalendarSummary>> CalendarsAsync(CancellationToken ct)
    {
        var calendars = await db.Set<BusinessCalendar>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var users = await UsersAsync(ct);
        return [.. calendars.Select(c => new CalendarSummary(c, users.GetValueOrDefault(c.Id) ?? []))];
    }

    public async Task<CalendarSummary?> CalendarAsync(Guid id, CancellationToken ct)
    {
        var calendar = await db.Set<BusinessCalendar>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return calendar is null ? null : new CalendarSummary(calendar, (await UsersAsync(ct)).GetValueOrDefault(id) ?? []);
    }

    public async Task<IReadOnlyList<ServiceWithPromise>> ServicesAsync(CancellationToken ct)
    {
        var promises = await db.Set<ServicePromise>().AsNoTracking().ToDictionaryAsync(p => p.ServiceId, ct);
        var calendars = await db.Set<BusinessCalendar>().AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        return [.. (await catalog.ListServicesAsync(publishedOnly: false, ct))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(s => promises.GetValueOrDefault(s.Id) is { } p ? new ServiceWithPromise(s, p, calendars.GetValueOrDefault(p.CalendarId)) : new ServiceWithPromise(s, null, null))];
    }

    public async Task<ServiceWithPromise?> ServiceAsync(Guid serviceId, CancellationToken ct)
    {
        if (await catalog.FindServiceAsync(serviceId, ct) is not { } service)
        {
            return null;
        }

        var promise = await db.Set<ServicePromise>().AsNoTracking().SingleOrDefaultAsync(p => p.ServiceId == serviceId, ct);
        var calendar = promise is null ? null : await db.Set<BusinessCalendar>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == promise.CalendarId, ct);
        return new ServiceWithPromise(service, promise, calendar);
    }

    /// <summary>The services using each calendar.</summary>
    private async Task<Dictionary<Guid, List<ServiceDto>>> UsersAsync(CancellationToken ct)
    {
        var uses = await db.Set<ServicePromise>().AsNoTracking().Select(p => new { p.CalendarId, p.ServiceId }).ToListAsync(ct);
        var services = (await catalog.ListServicesAsync(publishedOnly: false, ct)).ToDictionary(s => s.Id);
        return uses.Where(u => services.ContainsKey(u.ServiceId))
            .GroupBy(u => u.CalendarId)
            .ToDictionary(g => g.Key, g => g.Select(u => services[u.ServiceId]).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList());
    }
}
