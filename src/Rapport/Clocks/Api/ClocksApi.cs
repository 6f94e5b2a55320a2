using Rapport.Clocks.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Clocks.Domain;
using Rapport.Clocks.Features;
using Rapport.Platform;
using Rapport.Platform.Errors;
using Rapport.Platform.Web;

namespace Rapport.Clocks.Api;

/// <param name="Day">monday … sunday.</param>
/// <param name="Start">"09:00".</param>
/// <param name="End">"17:00"; "24:00" is the end of the day.</param>
public sealed record WorkingHoursDto(string? Day, string? Start, string? End);

public sealed record HolidayDto(DateOnly Date, string? Name);

public sealed record CalendarRequest(string? Name, string? TimeZone, IReadOnlyList<WorkingHoursDto?>? Hours, IReadOnlyList<HolidayDto?>? Holidays, int? Version);

/// <param name="Services">The services whose promises count time on this calendar.</param>
public sealed record CalendarResponse(
    Guid Id, string Name, string TimeZone, IReadOnlyList<WorkingHoursDto> Hours, IReadOnlyList<HolidayDto> Holidays, IReadOnlyList<Guid> Services, int Version)
{
    public static CalendarResponse From(CalendarSummary s) => new(
        s.Calendar.Id, s.Calendar.Name, s.Calendar.TimeZone,
        [.. s.Calendar.Hours.Select(h => new WorkingHoursDto(h.Day.ToString().ToLowerInvariant(), WeekText.Time(h.StartMinute), WeekText.Time(h.EndMinute)))],
        [.. s.Calendar.Holidays.Select(h => new HolidayDto(h.Date, h.Name))],
        [.. s.Services.Select(x => x.Id)],
        s.Calendar.Version);
}

public sealed record HolidayImportResponse(int Added, int Skipped, CalendarResponse Calendar);

/// <param name="FirstResponseMinutes">Business minutes to the first answer; null promises none.</param>
/// <param name="ResolutionMinutes">Business minutes to the solution; null promises none.</param>
public sealed record PromiseTargetDto(string? Priority, int? FirstResponseMinutes, int? ResolutionMinutes);

public sealed record PromiseRequest(
    int? Version, string? Text, Guid? CalendarId, IReadOnlyList<PromiseTargetDto?>? Targets, bool? PauseOnThirdParty, string? OnReopen,
    int? WarnAtPercent, IReadOnlyList<string?>? Escalations, int? MinHappiness, int? MaxLostMinutes);

/// <param name="ReadingEase">The text's Flesch reading ease: 60 and above is plain English.</param>
public sealed record PromiseResponse(
    Guid Id, Guid ServiceId, string Text, double ReadingEase, Guid CalendarId, IReadOnlyList<PromiseTargetDto> Targets, bool PauseOnThirdParty,
    string OnReopen, int WarnAtPercent, IReadOnlyList<string> Escalations, int? MinHappiness, int? MaxLostMinutes, DateTimeOffset UpdatedAt, int Version)
{
    public static PromiseResponse From(ServicePromise p) => new(
        p.Id, p.ServiceId, p.Text, Readability.Score(p.Text).Score, p.CalendarId,
        [.. p.Targets.Select(t => new PromiseTargetDto(t.Priority, t.FirstResponseMinutes, t.ResolutionMinutes))],
        p.PauseOnThirdParty, p.OnReopen, p.WarnAtPercent, p.Escalations, p.MinHappiness, p.MaxLostMinutes, p.UpdatedAt, p.Version);
}

/// <summary>The route table of calendars and promises: administrators only.</summary>
internal static class ClocksApi
{
    public static void MapClocksApi(this IEndpointRouteBuilder routes)
    {
        var calendars = routes.MapGroup("/api/v1/calendars")
            .WithTags("Promises and calendars")
            .RequireAuthorization(RapportPolicies.Api)
            .RequireAuthorization(p => p.RequireRole(RapportRoles.Administrator));
        calendars.MapGet("/", ListCalendarsAsync).WithName("ListCalendars").WithSummary("List business calendars")
            .WithDescription("Administrators only. Every calendar with its working hours, holidays and the services that use it.")
            .WithExample(null, StatusCodes.Status200OK, new[] { ClocksExamples.Calendar });
        calendars.MapPost("/", AddCalendarAsync).WithName("AddCalendar").WithSummary("Add a business calendar")
            .WithDescription(
                "Administrators only. `timeZone` is an IANA name (Europe/Berlin). `hours` lists working intervals: `day` (monday … sunday), `start` and `end` " +
                "as HH:mm, `24:00` for the end of the day; a day may have several, a day without any is closed. `holidays` are days off.")
            .WithExample(ClocksExamples.AddCalendar, StatusCodes.Status201Created, ClocksExamples.Calendar);
        calendars.MapGet("/{id:guid}", GetCalendarAsync).WithName("GetCalendar").WithSummary("Get a business calendar")
            .WithExample(null, StatusCodes.Status200OK, ClocksExamples.Calendar);
        calendars.MapPut("/{id:guid}", ChangeCalendarAsync).WithName("ChangeCalendar").WithSummary("Change a business calendar")
            .WithDescription(
                "Administrators only. Replaces the name, zone and hours; `holidays` replaces the holidays (leave it out to keep them). Send `version` from the " +
                "calendar you read: if someone changed it since, the answer is 409 and nothing changes. The clocks of open tickets on it are replayed on the new terms.")
            .WithExample(ClocksExamples.ChangeCalendar, StatusCodes.Status200OK, ClocksExamples.Calendar with { Version = 2 });
        calendars.MapPost("/{id:guid}/holidays/import", ImportAsync).WithName("ImportHolidays").WithSummary("Import holidays from an iCalendar file")
            .WithDescription(
                "Administrators only. `multipart/form-data` with `file` (.ics, at most 2 MB), `fromYear` and `toYear` (default: this year and next; at most 10 years) " +
                "and optionally `version`. Each event is a day off; repeating events are expanded over the years. Days the calendar has already are skipped.")
            .WithExample(null, StatusCodes.Status200OK, new HolidayImportResponse(11, 0, ClocksExamples.Calendar with { Version = 2 }))
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(HolidayImport.MaxBytes * 2))
            .DisableAntiforgery();

        var promise = routes.MapGroup("/api/v1/services/{serviceId:guid}/promise")
            .WithTags("Promises and calendars")
            .RequireAuthorization(RapportPolicies.Api)
            .RequireAuthorization(p => p.RequireRole(RapportRoles.Administrator));
        promise.MapGet("/", GetPromiseAsync).WithName("GetServicePromise").WithSummary("A service's promise")
            .WithDescription("Administrators only. The promise's text with its reading ease, its time targets per priority, calendar and escalations.")
            .WithExample(null, StatusCodes.Status200OK, ClocksExamples.Promise);
        promise.MapPut("/", SavePromiseAsync).WithName("SaveServicePromise").WithSummary("Give a service its promise, or change it")
            .WithDescription(
                "Administrators only. `targets`: per priority (critical, high, medium, low) the business minutes to the first response and to resolution. " +
                "`onReopen`: continue (default) or restart. `warnAtPercent` defaults to 80. `escalations`: " + string.Join(", ", EscalationActions.All) + " (default: notify-team-lead; `[]` for none). `minHappiness` (0–10) and `maxLostMinutes` are the " +
                "experience targets. Changing a promise needs `version` from the promise you read (409 when someone changed it since). The clocks of the service's " +
                "open tickets are replayed on the new terms.")
            .WithExample(ClocksExamples.SavePromise, StatusCodes.Status200OK, ClocksExamples.Promise);
        promise.MapDelete("/", RemovePromiseAsync).WithName("RemoveServicePromise").WithSummary("Take a service's promise away")
            .WithDescription("Administrators only. Its tickets keep no clocks from then on. `version` (query) guards against removing a promise someone just changed.");
    }

    private static async Task<Ok<IReadOnlyList<CalendarResponse>>> ListCalendarsAsync(PromiseQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CalendarResponse>>([.. (await queries.CalendarsAsync(ct)).Select(CalendarResponse.From)]);

    private static async Task<Results<Ok<CalendarResponse>, ProblemHttpResult>> GetCalendarAsync(Guid id, PromiseQueries queries, CancellationToken ct) =>
        await queries.CalendarAsync(id, ct) is { } calendar ? TypedResults.Ok(CalendarResponse.From(calendar)) : CalendarRules.NotFound(id).ToProblem();

    private static async Task<Results<Created<CalendarResponse>, ProblemHttpResult>> AddCalendarAsync(
        CalendarRequest request, SaveCalendarHandler handler, PromiseQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(ToCommand(null, request), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/calendars/{result.Value.Id}", CalendarResponse.From((await queries.CalendarAsync(result.Value.Id, ct))!))
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<CalendarResponse>, ProblemHttpResult>> ChangeCalendarAsync(
        Guid id, CalendarRequest request, SaveCalendarHandler handler, PromiseQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(ToCommand(id, request), ct);
        return result.Succeeded ? TypedResults.Ok(CalendarResponse.From((await queries.CalendarAsync(id, ct))!)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<HolidayImportResponse>, ProblemHttpResult>> ImportAsync(
        Guid id, IFormFile? file, ChangeHolidaysHandler handler, PromiseQueries queries, TimeProvider time, CancellationToken ct,
        [FromForm] int? fromYear = null, [FromForm] int? toYear = null, [FromForm] int? version = null)
    {
        var thisYear = time.GetUtcNow().Year;
        var result = await handler.ImportAsync(id, version, await HolidayFile.ReadAsync(file, ct), fromYear ?? thisYear, toYear ?? (fromYear ?? thisYear) + 1, ct);
        return result.Succeeded
            ? TypedResults.Ok(new HolidayImportResponse(result.Value.Added, result.Value.Skipped, CalendarResponse.From((await queries.CalendarAsync(id, ct))!)))
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<PromiseResponse>, ProblemHttpResult>> GetPromiseAsync(Guid serviceId, PromiseQueries queries, CancellationToken ct) =>
        await queries.ServiceAsync(serviceId, ct) switch
        {
            null => PromiseRules.NoService(serviceId).ToProblem(),
            { Promise: null } => PromiseRules.NoPromise(serviceId).ToProblem(),
            { Promise: { } promise } => TypedResults.Ok(PromiseResponse.From(promise)),
        };

    private static async Task<Results<Ok<PromiseResponse>, ProblemHttpResult>> SavePromiseAsync(
        Guid serviceId, PromiseRequest request, SavePromiseHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new SavePromise(
            serviceId, request.Version, request.Text, request.CalendarId,
            [.. (request.Targets ?? []).Select(t => new PromiseTargetInput(t?.Priority, t?.FirstResponseMinutes, t?.ResolutionMinutes))],
            request.PauseOnThirdParty ?? false, request.OnReopen, request.WarnAtPercent ?? 80, request.Escalations ?? [EscalationActions.NotifyTeamLead],
            request.MinHappiness, request.MaxLostMinutes), ct);
        return result.Succeeded ? TypedResults.Ok(PromiseResponse.From(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemovePromiseAsync(
        Guid serviceId, RemovePromiseHandler handler, CancellationToken ct, int? version = null)
    {
        var result = await handler.HandleAsync(serviceId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>Reads the hours as given; what cannot be read is named by its place in the list.</summary>
    private static SaveCalendar ToCommand(Guid? id, CalendarRequest request)
    {
        var problems = new Dictionary<string, string>();
        var hours = new List<WorkingHours>();
        foreach (var (entry, index) in (request.Hours ?? []).Select((h, i) => (h, i)))
        {
            if (!Enum.TryParse<DayOfWeek>(entry?.Day, ignoreCase: true, out var day) || int.TryParse(entry?.Day, out _))
            {
                problems[$"hours[{index}].day"] = $"“{entry?.Day}” is not a day; use monday … sunday.";
            }
            else if (WeekText.Minute(entry?.Start) is not { } start || WeekText.Minute(entry?.End) is not { } end)
            {
                problems[$"hours[{index}]"] = "Give start and end as HH:mm, e.g. 09:00 and 17:00 (24:00 for the end of the day).";
            }
            else
            {
                hours.Add(new WorkingHours(day, start, end));
            }
        }

        return new SaveCalendar(
            id, request.Version, request.Name, request.TimeZone, hours,
            request.Holidays?.Where(h => h is not null).Select(h => new Holiday(h!.Date, h.Name ?? "")).ToList(),
            problems);
    }
}
