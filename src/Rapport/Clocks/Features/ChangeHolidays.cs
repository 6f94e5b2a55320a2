using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Clocks.Features;

/// <summary>What an import added to a calendar, and how many of the file's days it had already.</summary>
public sealed record HolidaysImported(BusinessCalendar Calendar, int Added, int Skipped);

/// <summary>
/// Adds and removes a calendar's holidays by hand, and imports them from an iCalendar file. Each
/// change is checked against the version the editor read, and saved with a calendar-saved event.
/// </summary>
public sealed class ChangeHolidaysHandler(RapportDb db, EventLog events)
{
    /// <summary>Years an import may span at once: a published holiday calendar rarely reaches further.</summary>
    public const int MaxYears = 10;

    public async Task<Result<BusinessCalendar>> AddAsync(Guid calendarId, int? version, string? date, string? name, CancellationToken ct)
    {
        var problems = new Problems();
        if (!DateOnly.TryParseExact((date ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problems.Add("date", "Give the day as a date, e.g. 2026-12-24.");
        }

        var label = string.IsNullOrWhiteSpace(name) ? "Holiday" : name.Trim();
        if (label.Length > CalendarRules.NameMaxLength)
        {
            problems.Add("holidayName", $"Keep the name to {CalendarRules.NameMaxLength} characters.");
        }

        var found = await FindAsync(calendarId, version, ct);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var calendar = found.Value;
        if (!problems.Has("date") && calendar.Holidays.FirstOrDefault(h => h.Date == day) is { } existing)
        {
            problems.Add("date", $"{day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} is a holiday already ({existing.Name}).");
        }

        if (problems.Any)
        {
            return problems.ToError();
        }

        calendar.Holidays = CalendarRules.Sorted([.. calendar.Holidays, new Holiday(day, label)]);
        return await SaveAsync(calendar, ct);
    }

    public async Task<Result<BusinessCalendar>> RemoveAsync(Guid calendarId, int? version, DateOnly day, CancellationToken ct)
    {
        var found = await FindAsync(calendarId, version, ct);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var calendar = found.Value;
        if (calendar.Holidays.All(h => h.Date != day))
        {
            return calendar;
        }

        calendar.Holidays = [.. calendar.Holidays.Where(h => h.Date != day)];
        return await SaveAsync(calendar, ct);
    }

    /// <param name="version">Optional for an import, which only adds: when given, it must be the stored one.</param>
    public async Task<Result<HolidaysImported>> ImportAsync(Guid calendarId, int? version, Result<string> file, int? fromYear, int? toYear, CancellationToken ct)
    {
        var problems = new Problems();
        if (!file.Succeeded)
        {
            problems.Add("file", file.Error.Detail);
        }

        if (fromYear is not (>= 1900 and <= 2200))
        {
            problems.Add("fromYear", "Give the first year to take holidays for, e.g. 2026.");
        }

        if (toYear is not (>= 1900 and <= 2200))
        {
            problems.Add("toYear", "Give the last year to take holidays for, e.g. 2027.");
        }
        else if (fromYear is { } first && toYear < first)
        {
            problems.Add("toYear", "The last year cannot come before the first.");
        }
        else if (fromYear is { } start && toYear - start >= MaxYears)
        {
            problems.Add("toYear", $"Import at most {MaxYears} years at a time.");
        }

        var found = await FindAsync(calendarId, version, ct, versionRequired: false);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        if (problems.Any)
        {
            return problems.ToError();
        }

        var read = HolidayImport.Read(file.Value!, fromYear!.Value, toYear!.Value);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var calendar = found.Value;
        var known = calendar.Holidays.Select(h => h.Date).ToHashSet();
        var added = read.Value.Where(h => !known.Contains(h.Date)).ToList();
        if (added.Count == 0)
        {
            return new HolidaysImported(calendar, 0, read.Value.Count);
        }

        calendar.Holidays = CalendarRules.Sorted([.. calendar.Holidays, .. added]);
        var saved = await SaveAsync(calendar, ct);
        return saved.Succeeded ? new HolidaysImported(saved.Value, added.Count, read.Value.Count - added.Count) : saved.Error;
    }

    private async Task<Result<BusinessCalendar>> FindAsync(Guid calendarId, int? version, CancellationToken ct, bool versionRequired = true)
    {
        if (versionRequired && version is null)
        {
            return Invalid.Field("version", "Send the version of the calendar you read, so that nobody's change is lost.");
        }

        var calendar = await db.Set<BusinessCalendar>().SingleOrDefaultAsync(c => c.Id == calendarId, ct);
        if (calendar is null)
        {
            return CalendarRules.NotFound(calendarId);
        }

        return version is { } expected && calendar.Version != expected ? new ConcurrentEdit(CalendarRules.What) : calendar;
    }

    private async Task<Result<BusinessCalendar>> SaveAsync(BusinessCalendar calendar, CancellationToken ct)
    {
        calendar.Version++;
        events.AppendSaved(calendar);
        return await db.SaveOrConflictAsync(CalendarRules.What, ct) is { } failed ? failed : calendar;
    }
}

/// <summary>Reads an uploaded .ics file, refusing what is too large or not text before anything is parsed.</summary>
public static class HolidayFile
{
    public static async Task<Result<string>> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Invalid.Field("file", "Choose an iCalendar (.ics) file with the holidays, e.g. one your country publishes.");
        }

        if (file.Length > HolidayImport.MaxBytes)
        {
            return Invalid.Field("file", $"The file is {file.Length / 1024:N0} KB; holiday files are small, so at most {HolidayImport.MaxBytes / 1024 / 1024} MB is taken.");
        }

        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(ct);
    }
}
