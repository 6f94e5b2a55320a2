using Rapport.Clocks.Domain;
using Rapport.Clocks.Features;

namespace Rapport.Clocks.Pages;

/// <summary>A calendar form's values as typed, so that a form that failed shows what the person wrote.</summary>
public sealed record CalendarForm(string Name, string TimeZone, IReadOnlyDictionary<DayOfWeek, string> Days)
{
    /// <summary>What a new calendar starts from: weekdays 9 to 5.</summary>
    public static readonly CalendarForm OfficeHours = new("", "", WeekText.Days.ToDictionary(
        d => d, d => d is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekText.Closed : "09:00–17:00"));

    public static string DayField(DayOfWeek day) => $"hours-{day.ToString().ToLowerInvariant()}";

    public static CalendarForm Of(BusinessCalendar calendar) =>
        new(calendar.Name, calendar.TimeZone, WeekText.Days.ToDictionary(d => d, d => WeekText.Format(calendar.Hours, d)));

    public static CalendarForm Read(IFormCollection form) =>
        new(form["name"].ToString(), form["timeZone"].ToString(), WeekText.Days.ToDictionary(d => d, d => form[DayField(d)].ToString()));

    /// <summary>The command for these values; a day typed wrongly is named by its field.</summary>
    public SaveCalendar ToCommand(Guid? id, int? version)
    {
        var hours = new List<WorkingHours>();
        var problems = new Dictionary<string, string>();
        foreach (var (day, text) in Days)
        {
            var (parsed, error) = WeekText.Parse(day, text);
            if (error is not null)
            {
                problems[DayField(day)] = error;
            }

            hours.AddRange(parsed);
        }

        return new SaveCalendar(id, version, Name, TimeZone, hours, null, problems);
    }
}
