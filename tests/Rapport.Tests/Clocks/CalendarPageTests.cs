using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Domain;
using Rapport.Clocks.Features;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Clocks;

/// <summary>The calendars admin: hours with several intervals a day, zones, holidays by hand and from .ics files.</summary>
public abstract class CalendarPageTests(RapportApp app)
{
    public static byte[] UsHolidays => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Clocks", "Data", "USHolidays.ics"));

    private async Task<HttpClient> AdminAsync() => await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator));

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private Task<BusinessCalendar> StoredAsync(string name) =>
        app.QueryAsync(db => db.Set<BusinessCalendar>().AsNoTracking().SingleAsync(c => c.Name == name));

    private static async Task<string> AddAsync(HttpClient admin, string name, string zone = "Europe/Berlin")
    {
        var response = await admin.SubmitFormAsync("/admin/calendars", "#add-calendar", new()
        {
            ["name"] = name,
            ["timeZone"] = zone,
            ["hours-monday"] = "09:00–12:00, 13:00–17:00",
            ["hours-saturday"] = "10-14",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("done=added", response.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        return response.RequestMessage.RequestUri.AbsolutePath;
    }

    [Fact]
    public async Task AddCalendar_WithSeveralIntervalsADay_IsListedWithItsZoneAndHours()
    {
        var admin = await AdminAsync();
        var name = Unique("Office hours Berlin");

        var page = await AddAsync(admin, name);

        var stored = await StoredAsync(name);
        Assert.Equal($"/admin/calendars/{stored.Id}", page);
        Assert.Equal("Europe/Berlin", stored.TimeZone);
        Assert.Equal(2, stored.Hours.Count(h => h.Day == DayOfWeek.Monday));
        Assert.Equal(4 + 2 + 1, stored.Hours.Count);
        var list = await admin.GetPageAsync("/admin/calendars");
        var row = list.QuerySelector($"#calendars tr[data-id='{stored.Id}']")!;
        Assert.Contains("Europe/Berlin", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mon 09:00–12:00, 13:00–17:00; Tue–Fri 09:00–17:00; Sat 10:00–14:00", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", row.QuerySelector(".holidays")!.TextContent.Trim());
        Assert.Contains(await app.EventsAsync("clocks.calendar-saved"), e => e.CaseId == stored.Id.ToString());
        Assert.NotNull(list.QuerySelector("#time-zones option[value='America/New_York']"));
    }

    [Fact]
    public async Task AddCalendar_WithAnUnknownZoneAndBackwardHours_SaysSoNextToEachField()
    {
        var admin = await AdminAsync();
        var before = await app.QueryAsync(db => db.Set<BusinessCalendar>().CountAsync());

        var response = await admin.SubmitFormAsync("/admin/calendars", "#add-calendar", new()
        {
            ["name"] = "",
            ["timeZone"] = "Mars/Olympus_Mons",
            ["hours-tuesday"] = "17:00-09:00",
            ["hours-friday"] = "after lunch",
        });

        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector("#add-errors[role=alert]"));
        Assert.Contains("name", page.QuerySelector("#add-name-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("'Mars/Olympus_Mons' is not a time zone", page.QuerySelector("#add-timeZone-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("ends before it starts", page.QuerySelector("#add-hours-tuesday-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("“after lunch” is not understood", page.QuerySelector("#add-hours-friday-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("after lunch", page.QuerySelector<IHtmlInputElement>("#add-hours-friday")?.Value);
        Assert.Equal(before, await app.QueryAsync(db => db.Set<BusinessCalendar>().CountAsync()));
    }

    [Fact]
    public async Task EditCalendar_AfterSomeoneElseSaved_ShowsTheirVersion_AndKeepsBoth()
    {
        var admin = await AdminAsync();
        var other = await AdminAsync();
        var name = Unique("Support desk");
        var url = await AddAsync(admin, name);
        var stale = (await admin.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("#edit-calendar")!;

        var theirs = await other.SubmitFormAsync(url, "#edit-calendar", new() { ["hours-sunday"] = "24h" });
        Assert.Contains("done=saved", theirs.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        var mine = await (await admin.SubmitAsync(stale, new() { ["timeZone"] = "Europe/Vienna" })).ParseAsync();

        Assert.Contains("Someone else saved this calendar", mine.QuerySelector("#conflict")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Europe/Vienna", mine.QuerySelector<IHtmlInputElement>("#edit-timeZone")?.Value);
        var stored = await StoredAsync(name);
        Assert.Equal("Europe/Berlin", stored.TimeZone);
        Assert.Contains(stored.Hours, h => h is { Day: DayOfWeek.Sunday, StartMinute: 0, EndMinute: 1440 });

        var again = await admin.SubmitAsync(mine.QuerySelector<IHtmlFormElement>("#edit-calendar")!, []);
        Assert.Contains("done=saved", again.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        Assert.Equal("Europe/Vienna", (await StoredAsync(name)).TimeZone);
    }

    [Fact]
    public async Task ImportIcs_AddsTheYearsAsked_SkipsDaysItHas_AndTurnsAwayOtherFiles()
    {
        var admin = await AdminAsync();
        var name = Unique("US office");
        var url = await AddAsync(admin, name, "America/New_York");
        var expected = HolidayImport.Read(Encoding.UTF8.GetString(UsHolidays), 2026, 2027).Value!;
        Assert.NotEmpty(expected);
        Dictionary<string, string> years = new() { ["fromYear"] = "2026", ["toYear"] = "2027" };

        var first = await admin.SubmitFormAsync(url, "#import-holidays", years, files: [new FormFile("file", "USHolidays.ics", UsHolidays, "text/calendar")]);
        var imported = await first.ParseAsync();
        Assert.Equal($"{expected.Count} days added from the file.", imported.QuerySelector("#done")?.TextContent);
        var stored = await StoredAsync(name);
        Assert.Equal(expected.Select(h => h.Date), stored.Holidays.Select(h => h.Date));
        Assert.Contains(stored.Holidays, h => h.Date == new DateOnly(2026, 7, 4));
        Assert.Equal(expected.Count, imported.QuerySelectorAll("#holiday-list tbody tr").Length);

        var second = await (await admin.SubmitFormAsync(url, "#import-holidays", years, files: [new FormFile("file", "USHolidays.ics", UsHolidays, "text/calendar")])).ParseAsync();
        Assert.StartsWith($"0 days added from the file; {expected.Count} days the calendar had already were skipped", second.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(stored.Version, (await StoredAsync(name)).Version);

        var bad = await (await admin.SubmitFormAsync(url, "#import-holidays", years, files: [new FormFile("file", "holidays.ics", "Christmas is on the 25th"u8.ToArray())])).ParseAsync();
        Assert.Contains("not an iCalendar file", bad.QuerySelector("#import-file-error")?.TextContent, StringComparison.Ordinal);

        var backwards = await (await admin.SubmitFormAsync(url, "#import-holidays", new() { ["fromYear"] = "2027", ["toYear"] = "2026" },
            files: [new FormFile("file", "USHolidays.ics", UsHolidays)])).ParseAsync();
        Assert.Contains("cannot come before", backwards.QuerySelector("#import-toYear-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(expected.Count, (await StoredAsync(name)).Holidays.Count);
    }

    [Fact]
    public async Task Holidays_AreAddedAndRemovedByHand_InDateOrder()
    {
        var admin = await AdminAsync();
        var name = Unique("Works council");
        var url = await AddAsync(admin, name);

        await admin.SubmitFormAsync(url, "#add-holiday", new() { ["date"] = "2026-12-24", ["holidayName"] = "Christmas Eve" });
        var added = await (await admin.SubmitFormAsync(url, "#add-holiday", new() { ["date"] = "2026-05-04", ["holidayName"] = "Company day" })).ParseAsync();
        Assert.Equal(["2026-05-04", "2026-12-24"], added.QuerySelectorAll("#holiday-list tbody tr").Select(r => r.GetAttribute("data-date")));

        var twice = await (await admin.SubmitFormAsync(url, "#add-holiday", new() { ["date"] = "2026-12-24", ["holidayName"] = "Again" })).ParseAsync();
        Assert.Contains("is a holiday already (Christmas Eve)", twice.QuerySelector("#holiday-date-error")?.TextContent, StringComparison.Ordinal);

        var form = added.QuerySelector<IHtmlFormElement>("#holiday-list form")!;
        var removed = await (await admin.SubmitAsync(form, [])).ParseAsync();
        Assert.Equal("The holiday is removed.", removed.QuerySelector("#done")?.TextContent);
        Assert.Equal([new DateOnly(2026, 12, 24)], (await StoredAsync(name)).Holidays.Select(h => h.Date));
    }

    [Theory]
    [InlineData(RapportRoles.Agent)]
    [InlineData(RapportRoles.Requester)]
    public async Task NotAnAdministrator_IsDeniedThePages(string role)
    {
        var client = await app.SignedInClientAsync(await app.CreateAccountAsync(role));

        foreach (var url in new[] { "/admin/calendars", "/admin/promises", $"/admin/catalog/{Guid.NewGuid()}/promise" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal("/denied", response.RequestMessage!.RequestUri!.AbsolutePath);
        }
    }
}

public sealed class CalendarPageTests_Sqlite(SqliteApp app) : CalendarPageTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarPageTests_Postgres(PostgresApp app) : CalendarPageTests(app), IClassFixture<PostgresApp>;
