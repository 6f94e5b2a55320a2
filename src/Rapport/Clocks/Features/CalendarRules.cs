using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Clocks.Features;

internal static class CalendarRules
{
    public const string What = "This calendar";

    /// <summary>The stream of a calendar in the event log.</summary>
    public const string CalendarCase = "calendar";

    public const int NameMaxLength = 100;

    public static NotFoundError NotFound(Guid id) =>
        new("clocks.calendar-not-found", $"There is no calendar {id}. It may have been removed; go back to the calendars.");

    public static void AppendSaved(this EventLog events, BusinessCalendar calendar) =>
        events.Append(new BusinessCalendarSaved(calendar.Id, calendar.Name, calendar.TimeZone, calendar.Hours.Count, calendar.Holidays.Count),
            CalendarCase, calendar.Id.ToString());

    /// <summary>Keeps holidays one a day, in date order.</summary>
    public static List<Holiday> Sorted(IEnumerable<Holiday> holidays) =>
        [.. holidays.GroupBy(h => h.Date).Select(g => g.First()).OrderBy(h => h.Date)];

    /// <summary>Saves the change with its events, or answers that someone else saved first (nothing is written then).</summary>
    public static async Task<Error?> SaveOrConflictAsync(this RapportDb db, string what, CancellationToken ct, Func<Task<Error?>>? recheck = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ConcurrentEdit(what);
        }
        catch (DbUpdateException) when (recheck is not null)
        {
            db.ChangeTracker.Clear();
            return await recheck() ?? throw new InvalidOperationException($"Saving {what} failed for a reason other than a taken name.");
        }
    }
}

/// <summary>Collects what is wrong with a form's fields, so that a person sees every problem at once.</summary>
internal sealed class Problems
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public bool Any => _fields.Count > 0;

    public void Add(string field, string message)
    {
        if (!_fields.TryGetValue(field, out var messages))
        {
            _fields[field] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    public bool Has(string field) => _fields.ContainsKey(field);

    public Invalid ToError() => new(
        "invalid",
        _fields.Count == 1 ? _fields.First().Value[0] : "Some fields need another look.",
        _fields.ToDictionary(f => f.Key, f => f.Value.ToArray()));
}
