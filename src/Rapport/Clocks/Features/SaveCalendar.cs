using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Clocks.Features;

/// <param name="Id">Null adds a calendar.</param>
/// <param name="Version">The version the editor started from (changes only): a newer stored one means someone else saved first.</param>
/// <param name="Holidays">The whole list of holidays; null keeps them as they are.</param>
/// <param name="InputProblems">What was wrong already when the input was read (a day's hours typed wrongly), by field.</param>
public sealed record SaveCalendar(
    Guid? Id, int? Version, string? Name, string? TimeZone, IReadOnlyList<WorkingHours> Hours, IReadOnlyList<Holiday>? Holidays = null,
    IReadOnlyDictionary<string, string>? InputProblems = null);

/// <summary>Adds or changes a business calendar: its name, zone, working hours and holidays, checked as a whole.</summary>
public sealed class SaveCalendarHandler(RapportDb db, EventLog events, TimeProvider time)
{
    public async Task<Result<BusinessCalendar>> HandleAsync(SaveCalendar command, CancellationToken ct)
    {
        var problems = new Problems();
        var name = (command.Name ?? "").Trim();
        var zone = (command.TimeZone ?? "").Trim();
        if (name.Length == 0)
        {
            problems.Add("name", "Give the calendar a name people recognise, e.g. “Office hours Berlin”.");
        }
        else if (name.Length > CalendarRules.NameMaxLength)
        {
            problems.Add("name", $"Keep the name to {CalendarRules.NameMaxLength} characters.");
        }
        else if (await NameTakenAsync(name, command.Id, ct))
        {
            problems.Add("name", $"There is a calendar called “{name}” already; choose another name.");
        }

        foreach (var (field, message) in command.InputProblems ?? new Dictionary<string, string>())
        {
            problems.Add(field, message);
        }

        var holidays = CalendarRules.Sorted((command.Holidays ?? []).Select(h => h with { Name = string.IsNullOrWhiteSpace(h.Name) ? "Holiday" : h.Name.Trim() }));
        if (holidays.Any(h => h.Name.Length > CalendarRules.NameMaxLength))
        {
            problems.Add("holidays", $"Keep each holiday's name to {CalendarRules.NameMaxLength} characters.");
        }

        // The zone is checked on a plain week, so that its message stands even when the hours are wrong too.
        var plainWeek = new BusinessCalendar { Name = name, TimeZone = zone, Hours = [WorkingHours.Of(DayOfWeek.Monday, 9, 17)] };
        if (zone.Length == 0)
        {
            problems.Add("timeZone", "Choose the time zone the team works in, e.g. Europe/Berlin.");
        }
        else if (WorkingTime.For(plainWeek) is { Succeeded: false, Error: Invalid zoneProblem })
        {
            problems.Add("timeZone", zoneProblem.Detail);
        }

        if (command.InputProblems is not { Count: > 0 } && WorkingTime.CheckHours(command.Hours) is { } hoursProblem)
        {
            problems.Add("hours", hoursProblem);
        }

        if (command.Id is not null && command.Version is null)
        {
            problems.Add("version", "Send the version of the calendar you read, so that nobody's change is lost.");
        }

        BusinessCalendar? calendar = null;
        if (command.Id is { } id)
        {
            calendar = await db.Set<BusinessCalendar>().SingleOrDefaultAsync(c => c.Id == id, ct);
            if (calendar is null)
            {
                return CalendarRules.NotFound(id);
            }
        }

        if (problems.Any)
        {
            return problems.ToError();
        }

        if (calendar is null)
        {
            var now = time.GetUtcNow();
            calendar = new BusinessCalendar { Id = Guid.CreateVersion7(now), Name = name, TimeZone = zone, CreatedAt = now, Version = 1 };
            db.Add(calendar);
        }
        else if (calendar.Version != command.Version)
        {
            return new ConcurrentEdit(CalendarRules.What);
        }
        else if (calendar.Name == name && calendar.TimeZone == zone && Same(calendar.Hours, command.Hours)
                 && (command.Holidays is null || calendar.Holidays.SequenceEqual(holidays)))
        {
            return calendar;
        }
        else
        {
            calendar.Version++;
        }

        calendar.Name = name;
        calendar.TimeZone = zone;
        calendar.Hours = [.. command.Hours.OrderBy(h => (((int)h.Day + 6) % 7, h.StartMinute))];
        if (command.Holidays is not null)
        {
            calendar.Holidays = holidays;
        }

        events.AppendSaved(calendar);
        var saved = calendar;
        return await db.SaveOrConflictAsync(CalendarRules.What, ct, async () =>
            await NameTakenAsync(name, command.Id, ct) ? Invalid.Field("name", $"There is a calendar called “{name}” already; choose another name.") : null) is { } failed
            ? failed
            : saved;
    }

    private Task<bool> NameTakenAsync(string name, Guid? except, CancellationToken ct) =>
        db.Set<BusinessCalendar>().AnyAsync(c => c.Name == name && c.Id != except, ct);

    private static bool Same(IReadOnlyList<WorkingHours> stored, IReadOnlyList<WorkingHours> changed) =>
        stored.OrderBy(h => (h.Day, h.StartMinute)).SequenceEqual(changed.OrderBy(h => (h.Day, h.StartMinute)));
}
