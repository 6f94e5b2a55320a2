namespace Rapport.Clocks.Domain;

/// <summary>
/// When a team works: hours per weekday in a time zone, and the days it does not. Promises count
/// time on a calendar, so "2 working hours" asked at 16:30 on a Friday in Berlin is due on Monday.
/// </summary>
public sealed class BusinessCalendar
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>An IANA time zone: "Europe/Berlin", "America/New_York".</summary>
    public required string TimeZone { get; set; }

    /// <summary>Working intervals; a day may have several (9–12 and 13–17).</summary>
    public List<WorkingHours> Hours { get; set; } = [];

    public List<Holiday> Holidays { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; }
}

/// <summary>One working interval of a weekday, in minutes after local midnight; 1440 is the end of the day.</summary>
public sealed record WorkingHours(DayOfWeek Day, int StartMinute, int EndMinute)
{
    public const int EndOfDay = 24 * 60;

    public static WorkingHours Of(DayOfWeek day, int startHour, int endHour) => new(day, startHour * 60, endHour * 60);
}

/// <summary>A day off: a public holiday, a company closing day.</summary>
public sealed record Holiday(DateOnly Date, string Name);
