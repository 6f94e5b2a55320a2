using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Clocks.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;
using Rapport.Platform.Events;

namespace Rapport.Clocks.Features;

/// <summary>
/// Calendars and promises for the demo catalog: IT answers around the clock from New York, HR and
/// Facilities keep office hours in Berlin with its public holidays, Finance in London.
/// </summary>
internal sealed class ClocksDemoSeed(TimeProvider time) : IDemoSeed
{
    public int Order => 35;

    public Task<bool> IsSeededAsync(IServiceProvider scope, CancellationToken ct) =>
        scope.GetRequiredService<RapportDb>().Set<BusinessCalendar>().AnyAsync(ct);

    public async Task SeedAsync(DemoSeedContext context, IServiceProvider scope, CancellationToken ct)
    {
        var db = scope.GetRequiredService<RapportDb>();
        var events = scope.GetRequiredService<EventLog>();
        var now = time.GetUtcNow();
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        BusinessCalendar Calendar(string name, string zone, IEnumerable<WorkingHours> hours, IEnumerable<Holiday> holidays) =>
            new() { Id = Guid.CreateVersion7(now), Name = name, TimeZone = zone, Hours = [.. hours], Holidays = [.. holidays], CreatedAt = now };

        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal)
        {
            ["it"] = Calendar("IT around the clock (New York)", "America/New_York", Enum.GetValues<DayOfWeek>().Select(d => WorkingHours.Of(d, 0, 24)), []),
            ["hr"] = Calendar("Office hours Berlin", "Europe/Berlin", weekdays.Select(d => WorkingHours.Of(d, 9, 17)), BerlinHolidays()),
            ["facilities"] = Calendar("Building hours Berlin", "Europe/Berlin",
                weekdays.SelectMany(d => new[] { WorkingHours.Of(d, 7, 12), WorkingHours.Of(d, 13, 18) }), BerlinHolidays()),
            ["finance"] = Calendar("Office hours London", "Europe/London", weekdays.Select(d => WorkingHours.Of(d, 9, 17)), []),
        };
        foreach (var calendar in calendars.Values)
        {
            db.Add(calendar);
            events.Append(new BusinessCalendarSaved(calendar.Id, calendar.Name, calendar.TimeZone, calendar.Hours.Count, calendar.Holidays.Count),
                "calendar", calendar.Id.ToString());
        }

        var departments = (await scope.GetRequiredService<IOrganisationDirectory>().ListDepartmentsAsync(ct)).ToDictionary(d => d.Id, d => d.Key);
        foreach (var service in await scope.GetRequiredService<ICatalog>().ListServicesAsync(publishedOnly: false, ct))
        {
            if (!departments.TryGetValue(service.DepartmentId, out var department) || !calendars.TryGetValue(department, out var calendar))
            {
                continue;
            }

            var promise = PromiseFor(department, service, calendar.Id, now);
            db.Add(promise);
            events.Append(new ServicePromiseSaved(promise.Id, promise.ServiceId, promise.CalendarId, promise.Targets.Count, promise.OnReopen, promise.PauseOnThirdParty),
                "promise", promise.Id.ToString());
        }

        await db.SaveChangesAsync(ct);
    }

    private static ServicePromise PromiseFor(string department, ServiceDto service, Guid calendarId, DateTimeOffset now)
    {
        var (text, targets) = department switch
        {
            "it" => ("We answer within an hour, day and night, and fix most problems the same day. If something stops many people working, we start at once.",
                new[] { new PromiseTarget("critical", 15, 240), new PromiseTarget("high", 60, 480), new PromiseTarget("medium", 240, 1_440), new PromiseTarget("low", 480, 2_880) }),
            "hr" => ("We answer within one working day. Most questions are settled within three working days. We keep what you tell us private.",
                [new PromiseTarget("critical", 120, 480), new PromiseTarget("high", 240, 960), new PromiseTarget("medium", 480, 1_440), new PromiseTarget("low", 480, 2_400)]),
            "facilities" => ("We come back to you the same working day. We fix safety risks at once and most other things within two working days.",
                [new PromiseTarget("critical", 30, 120), new PromiseTarget("high", 120, 600), new PromiseTarget("medium", 300, 1_200), new PromiseTarget("low", 600, 2_000)]),
            _ => ("We answer within two working days.",
                [new PromiseTarget("medium", 960, 2_400), new PromiseTarget("low", 960, 4_800)]),
        };
        return new ServicePromise
        {
            Id = Guid.CreateVersion7(now),
            ServiceId = service.Id,
            Text = text,
            CalendarId = calendarId,
            Targets = [.. targets],
            PauseOnThirdParty = department == "it",
            OnReopen = ReopenRules.Continue,
            WarnAtPercent = 80,
            Escalations = [EscalationActions.NotifyTeamLead],
            MinHappiness = 7,
            MaxLostMinutes = department == "it" ? 60 : 120,
            UpdatedAt = now,
        };
    }

    /// <summary>Berlin's public holidays of the years the demo spans.</summary>
    private static IEnumerable<Holiday> BerlinHolidays()
    {
        (string Date, string Name)[] days =
        [
            ("2025-12-25", "Christmas Day"), ("2025-12-26", "Boxing Day"),
            ("2026-01-01", "New Year's Day"), ("2026-03-08", "International Women's Day"), ("2026-04-03", "Good Friday"),
            ("2026-04-06", "Easter Monday"), ("2026-05-01", "Labour Day"), ("2026-05-14", "Ascension Day"), ("2026-05-25", "Whit Monday"),
            ("2026-10-03", "Day of German Unity"), ("2026-12-25", "Christmas Day"), ("2026-12-26", "Boxing Day"),
            ("2027-01-01", "New Year's Day"), ("2027-03-08", "International Women's Day"), ("2027-03-26", "Good Friday"),
            ("2027-03-29", "Easter Monday"), ("2027-05-01", "Labour Day"), ("2027-05-06", "Ascension Day"), ("2027-05-17", "Whit Monday"),
            ("2027-10-03", "Day of German Unity"), ("2027-12-25", "Christmas Day"), ("2027-12-26", "Boxing Day"),
        ];
        return days.Select(d => new Holiday(DateOnly.ParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), d.Name));
    }
}
