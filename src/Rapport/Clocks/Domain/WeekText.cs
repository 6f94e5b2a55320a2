using System.Globalization;
using System.Text.RegularExpressions;

namespace Rapport.Clocks.Domain;

/// <summary>
/// A day's working hours as a person types them: "09:00–12:00, 13:00–17:00", "closed", or "24h".
/// Written back the same way, so what is saved reads as it was typed.
/// </summary>
public static partial class WeekText
{
    public const string Closed = "closed";
    public const string AllDay = "24h";

    /// <summary>Monday first, as a working week is read.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Format(IEnumerable<WorkingHours> hours, DayOfWeek day)
    {
        var mine = hours.Where(h => h.Day == day).OrderBy(h => h.StartMinute).ToList();
        return mine.Count switch
        {
            0 => Closed,
            1 when mine[0].StartMinute == 0 && mine[0].EndMinute == WorkingHours.EndOfDay => AllDay,
            _ => string.Join(", ", mine.Select(h => $"{Time(h.StartMinute)}–{Time(h.EndMinute)}")),
        };
    }

    /// <summary>The whole week in a line: "Mon–Fri 09:00–17:00", "every day 24h".</summary>
    public static string Summary(IReadOnlyList<WorkingHours> hours)
    {
        var days = Days.Select(d => (Day: d, Text: Format(hours, d))).ToList();
        var runs = new List<(DayOfWeek From, DayOfWeek To, string Text)>();
        foreach (var (day, text) in days)
        {
            if (runs.Count > 0 && runs[^1].Text == text)
            {
                runs[^1] = (runs[^1].From, day, text);
            }
            else
            {
                runs.Add((day, day, text));
            }
        }

        if (runs.Count == 1)
        {
            return $"every day {runs[0].Text}";
        }

        return string.Join("; ", runs.Where(r => r.Text != Closed).Select(r =>
            (r.From == r.To ? Short(r.From) : $"{Short(r.From)}–{Short(r.To)}") + " " + r.Text));
    }

    /// <summary>Reads one day's hours; the error says what is wrong in words.</summary>
    public static (IReadOnlyList<WorkingHours> Hours, string? Error) Parse(DayOfWeek day, string? text)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0 || typed.Equals(Closed, StringComparison.OrdinalIgnoreCase) || typed == "-")
        {
            return ([], null);
        }

        if (AllDayWords().IsMatch(typed))
        {
            return ([new WorkingHours(day, 0, WorkingHours.EndOfDay)], null);
        }

        var hours = new List<WorkingHours>();
        foreach (var part in typed.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Interval().Match(part);
            if (!match.Success || Minute(match.Groups["from"].Value) is not { } start || Minute(match.Groups["to"].Value) is not { } end)
            {
                return ([], $"{day}: write the hours as 09:00–17:00, several as 09:00–12:00, 13:00–17:00, or “closed” or “24h”; “{part}” is not understood.");
            }

            hours.Add(new WorkingHours(day, start, end));
        }

        return (hours, WorkingTime.CheckHours(hours) is { } problem && hours.Count > 0 ? problem : null);
    }

    /// <summary>"09:00" → 540; "24:00" → the end of the day; null when it is no time of day.</summary>
    public static int? Minute(string? time)
    {
        time = (time ?? "").Trim();
        var pieces = time.Split([':', '.']);
        if (!int.TryParse(pieces[0], CultureInfo.InvariantCulture, out var hour)
            || (pieces.Length > 1 && !int.TryParse(pieces[1], CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        var minute = pieces.Length > 1 ? int.Parse(pieces[1], CultureInfo.InvariantCulture) : 0;
        return hour is >= 0 and <= 24 && minute is >= 0 and < 60 && (hour < 24 || minute == 0) ? (hour * 60) + minute : null;
    }

    public static string Time(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    private static string Short(DayOfWeek day) => day.ToString()[..3];

    [GeneratedRegex(@"^(?<from>\d{1,2}(?:[:.]\d{2})?)\s*(?:-|–|—|to)\s*(?<to>\d{1,2}(?:[:.]\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();

    [GeneratedRegex(@"^(?:24\s*h(?:ours)?|24/7|all day|00:00\s*[-–]\s*24:00)$", RegexOptions.IgnoreCase)]
    private static partial Regex AllDayWords();
}
