using NodaTime;
using Rapport.Platform.Errors;

namespace Rapport.Clocks.Domain;

/// <summary>
/// Business-time arithmetic on a calendar. Working intervals are laid out on each local day and
/// turned into instants through the time zone, so a day that loses or gains an hour to daylight
/// saving counts exactly the hours it has; a working time that does not exist that day (02:30 on
/// the spring change) starts at the first instant after the gap.
/// </summary>
public sealed class WorkingTime
{
    /// <summary>Ten years without a working minute means the calendar has none.</summary>
    private const int MaxDays = 3_660;

    private readonly DateTimeZone _zone;
    private readonly Dictionary<DayOfWeek, (int Start, int End)[]> _hours;
    private readonly HashSet<LocalDate> _holidays;

    private WorkingTime(DateTimeZone zone, BusinessCalendar calendar)
    {
        _zone = zone;
        _hours = Enum.GetValues<DayOfWeek>().ToDictionary(
            d => d,
            d => calendar.Hours.Where(h => h.Day == d).OrderBy(h => h.StartMinute).Select(h => (h.StartMinute, h.EndMinute)).ToArray());
        _holidays = [.. calendar.Holidays.Select(h => LocalDate.FromDateOnly(h.Date))];
    }

    public static Result<WorkingTime> For(BusinessCalendar calendar)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(calendar.TimeZone) is not { } zone)
        {
            return Invalid.Field("timeZone", $"'{calendar.TimeZone}' is not a time zone. Use an IANA name such as Europe/Berlin.");
        }

        if (CheckHours(calendar.Hours) is { } problem)
        {
            return Invalid.Field("hours", problem);
        }

        return new WorkingTime(zone, calendar);
    }

    /// <summary>What is wrong with a week of working hours, in words; null when nothing is.</summary>
    public static string? CheckHours(IReadOnlyList<WorkingHours> hours)
    {
        if (hours.Count == 0)
        {
            return "Give at least one working interval.";
        }

        foreach (var day in hours.GroupBy(h => h.Day))
        {
            var ordered = day.OrderBy(h => h.StartMinute).ToList();
            if (ordered.Any(h => h.StartMinute < 0 || h.EndMinute > WorkingHours.EndOfDay || h.StartMinute >= h.EndMinute))
            {
                return $"On {day.Key} an interval ends before it starts or lies outside the day.";
            }

            if (ordered.Zip(ordered.Skip(1)).Any(p => p.Second.StartMinute < p.First.EndMinute))
            {
                return $"On {day.Key} two intervals overlap.";
            }
        }

        return null;
    }

    /// <summary>The instant <paramref name="amount"/> of working time after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan amount)
    {
        var left = Duration.FromTimeSpan(amount);
        var from = Instant.FromDateTimeOffset(start);
        if (left <= Duration.Zero)
        {
            return start;
        }

        foreach (var (intervalStart, intervalEnd) in IntervalsFrom(from))
        {
            var begin = Instant.Max(intervalStart, from);
            var length = intervalEnd - begin;
            if (length >= left)
            {
                return (begin + left).ToDateTimeOffset();
            }

            left -= length;
        }

        throw new InvalidOperationException("The calendar has no working time in ten years.");
    }

    /// <summary>How much working time lies between two instants (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var start = Instant.FromDateTimeOffset(from);
        var end = Instant.FromDateTimeOffset(to);
        var total = Duration.Zero;
        if (end <= start)
        {
            return TimeSpan.Zero;
        }

        foreach (var (intervalStart, intervalEnd) in IntervalsFrom(start))
        {
            if (intervalStart >= end)
            {
                break;
            }

            total += Instant.Min(intervalEnd, end) - Instant.Max(intervalStart, start);
        }

        return total.ToTimeSpan();
    }

    /// <summary>Working intervals as instants, in order, from the local day of <paramref name="from"/> on, ending after it.</summary>
    private IEnumerable<(Instant Start, Instant End)> IntervalsFrom(Instant from)
    {
        var date = from.InZone(_zone).Date;
        for (var day = 0; day < MaxDays; day++, date = date.PlusDays(1))
        {
            if (_holidays.Contains(date))
            {
                continue;
            }

            foreach (var (startMinute, endMinute) in _hours[(DayOfWeek)((int)date.DayOfWeek % 7)])
            {
                var start = At(date, startMinute);
                var end = At(date, endMinute);
                if (end > from && end > start)
                {
                    yield return (start, end);
                }
            }
        }
    }

    private Instant At(LocalDate date, int minute) =>
        minute == WorkingHours.EndOfDay
            ? _zone.AtStartOfDay(date.PlusDays(1)).ToInstant()
            : _zone.AtLeniently(date.At(new LocalTime(minute / 60, minute % 60))).ToInstant();
}
