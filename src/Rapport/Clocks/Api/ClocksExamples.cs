using Rapport.Clocks.Contracts;
using Rapport.Clocks.Domain;

namespace Rapport.Clocks.Api;

/// <summary>The examples the API reference shows for calendars and promises.</summary>
internal static class ClocksExamples
{
    private static readonly Guid CalendarId = Guid.Parse("01973a52-9d10-7a3c-8b2e-4c5d6e7f8a90");
    private static readonly Guid ServiceId = Guid.Parse("01973a52-7c1e-7d3a-9b1f-2a6c0e5d4b11");

    private static readonly WorkingHoursDto[] Hours =
    [
        .. new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
            .SelectMany(d => new[] { new WorkingHoursDto(d, "09:00", "12:00"), new WorkingHoursDto(d, "13:00", "17:00") }),
    ];

    private static readonly HolidayDto[] Holidays = [new(new DateOnly(2026, 12, 25), "Christmas Day"), new(new DateOnly(2026, 12, 26), "Boxing Day")];

    public static readonly CalendarRequest AddCalendar = new("Office hours Berlin", "Europe/Berlin", Hours, Holidays, null);

    public static readonly CalendarRequest ChangeCalendar = AddCalendar with { Version = 1 };

    public static readonly CalendarResponse Calendar = new(CalendarId, "Office hours Berlin", "Europe/Berlin", Hours, Holidays, [ServiceId], 1);

    private static readonly PromiseTargetDto[] Targets =
        [new("critical", 30, 240), new("high", 60, 480), new("medium", 240, 960), new("low", 480, 2_400)];

    public static readonly PromiseRequest SavePromise = new(
        1, "We answer within 4 working hours. We fix most problems within two working days.", CalendarId, Targets, true, ReopenRules.Continue, 80,
        [EscalationActions.NotifyTeamLead, EscalationActions.RaisePriority], 7, 60);

    public static readonly PromiseResponse Promise = new(
        Guid.Parse("01973a52-9e20-7b4d-9c3f-5d6e7f8a9b01"), ServiceId, SavePromise.Text!, Readability.Score(SavePromise.Text).Score, CalendarId, Targets,
        true, ReopenRules.Continue, 80, [EscalationActions.NotifyTeamLead, EscalationActions.RaisePriority], 7, 60,
        new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), 2);
}
