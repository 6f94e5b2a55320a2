using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Rapport.Clocks.Domain;
using Rapport.Platform.Errors;

namespace Rapport.Clocks.Features;

/// <summary>
/// Reads holidays from an iCalendar (.ics) file, the way public-holiday calendars are published:
/// each event is a day off, repeating ones (RRULE) are expanded over the years asked for, and an
/// event of several days gives each of its days.
/// </summary>
public static class HolidayImport
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public static Result<IReadOnlyList<Holiday>> Read(string ics, int fromYear, int toYear)
    {
        Calendar? calendar;
        try
        {
            calendar = Calendar.Load(ics);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or System.Runtime.Serialization.SerializationException)
        {
            calendar = null;
        }

        if (calendar is null || calendar.Events.Count == 0)
        {
            return Invalid.Field("file", "This is not an iCalendar file with events (BEGIN:VCALENDAR … BEGIN:VEVENT).");
        }

        var first = new DateOnly(fromYear, 1, 1);
        var end = new DateOnly(toYear + 1, 1, 1);
        var days = new SortedDictionary<DateOnly, string>();
        foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(new CalDateTime(first.Year, first.Month, first.Day))
                     .TakeWhileBefore(new CalDateTime(end.Year, end.Month, end.Day)))
        {
            var name = (occurrence.Source as CalendarEvent)?.Summary?.Trim();
            var start = DateOnly.FromDateTime(occurrence.Period.StartTime.Value);
            var last = occurrence.Period.EffectiveEndTime is { } until ? DateOnly.FromDateTime(until.Value).AddDays(-1) : start;
            for (var day = start; day <= Max(start, last) && day < end; day = day.AddDays(1))
            {
                if (day >= first)
                {
                    days.TryAdd(day, string.IsNullOrEmpty(name) ? "Holiday" : name);
                }
            }
        }

        return Result.Ok<IReadOnlyList<Holiday>>([.. days.Select(d => new Holiday(d.Key, d.Value))]);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
