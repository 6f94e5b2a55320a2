using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Clocks.Features;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Tickets;

namespace Rapport.Tests.Clocks;

/// <summary>Calendars and promises over the API, and open tickets following the terms when they change.</summary>
public abstract class ClocksApiTests(RapportApp app) : TicketApiScenario(app)
{
    private static readonly string[] Unknown = ["call-the-ceo"];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    private async Task<HttpClient> AdminApiAsync() => await App.ApiClientAsync(await App.CreateAccountAsync(RapportRoles.Administrator));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Calendars_AreAddedReadAndChanged_WithTheVersionGuardingEveryChange()
    {
        var admin = await AdminApiAsync();
        var id = await admin.GivenOfficeCalendarAsync();

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calendars/{id}");
        Assert.Equal("Europe/Berlin", read.GetProperty("timeZone").GetString());
        Assert.Equal(5, read.GetProperty("hours").GetArrayLength());
        Assert.Equal(1, read.GetProperty("version").GetInt32());
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendars")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);

        var changed = await admin.PutAsJsonAsync($"/api/v1/calendars/{id}", new
        {
            name = read.GetProperty("name").GetString(),
            timeZone = "America/New_York",
            hours = new object[] { new { day = "monday", start = "09:00", end = "12:00" }, new { day = "monday", start = "13:00", end = "24:00" } },
            holidays = new[] { new { date = "2026-07-03", name = "Independence Day (observed)" } },
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await JsonAsync(changed);
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal("24:00", after.GetProperty("hours")[1].GetProperty("end").GetString());
        Assert.Equal("2026-07-03", after.GetProperty("holidays")[0].GetProperty("date").GetString());

        var stale = await admin.PutAsJsonAsync($"/api/v1/calendars/{id}", new { name = "Stale", timeZone = "UTC", hours = ClocksIntents.OfficeWeek, version = 1 });
        Assert.Equal("concurrent-edit", (await ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/calendars/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task BadCalendars_AnswerProblemDetailsNamingEachField()
    {
        var admin = await AdminApiAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/calendars", new
        {
            name = "",
            timeZone = "Berlin",
            hours = new object[] { new { day = "funday", start = "09:00", end = "17:00" }, new { day = "monday", start = "9am", end = "5pm" } },
        });

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("is not a time zone", errors.GetProperty("timeZone")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("monday … sunday", errors.GetProperty("hours[0].day")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("HH:mm", errors.GetProperty("hours[1]")[0].GetString(), StringComparison.Ordinal);

        var empty = await admin.PostAsJsonAsync("/api/v1/calendars", new { name = "Never open", timeZone = "UTC", hours = Array.Empty<object>() });
        Assert.Contains("at least one working interval", (await ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("hours")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingAnIcsFile_AddsItsDays_OnceOnly()
    {
        var admin = await AdminApiAsync();
        var id = await admin.GivenOfficeCalendarAsync("America/New_York");
        MultipartFormDataContent Upload(byte[] bytes)
        {
            var form = new MultipartFormDataContent { { new StringContent("2026"), "fromYear" }, { new StringContent("2026"), "toYear" } };
            form.Add(new ByteArrayContent(bytes), "file", "USHolidays.ics");
            return form;
        }

        using var first = Upload(CalendarPageTests.UsHolidays);
        var imported = await JsonAsync(await admin.PostAsync($"/api/v1/calendars/{id}/holidays/import", first));
        var added = imported.GetProperty("added").GetInt32();
        Assert.Equal(HolidayImport.Read(System.Text.Encoding.UTF8.GetString(CalendarPageTests.UsHolidays), 2026, 2026).Value!.Count, added);
        Assert.Equal(0, imported.GetProperty("skipped").GetInt32());
        Assert.Contains(imported.GetProperty("calendar").GetProperty("holidays").EnumerateArray(), h => h.GetProperty("date").GetString() == "2026-12-25");

        using var second = Upload(CalendarPageTests.UsHolidays);
        var again = await JsonAsync(await admin.PostAsync($"/api/v1/calendars/{id}/holidays/import", second));
        Assert.Equal((0, added), (again.GetProperty("added").GetInt32(), again.GetProperty("skipped").GetInt32()));

        using var junk = Upload("BEGIN:VCALENDAR\nnot really\n"u8.ToArray());
        var problem = await ProblemAsync(await admin.PostAsync($"/api/v1/calendars/{id}/holidays/import", junk), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task NotAnAdministrator_IsForbiddenEveryEndpoint()
    {
        var admin = await AdminApiAsync();
        var calendar = await admin.GivenOfficeCalendarAsync();
        var service = await App.ServiceAsync("new-laptop");

        foreach (var client in new[] { Agent, Requester })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/calendars")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/calendars/{calendar}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/calendars", new { name = "Mine" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/calendars/{calendar}", new { name = "Mine" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/services/{service.Id}/promise")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/services/{service.Id}/promise", new { text = "Mine" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/services/{service.Id}/promise")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.AnonymousClient(false).GetAsync("/api/v1/calendars")).StatusCode);
    }

    [Fact]
    public async Task Promises_AreGivenChangedAndRemoved_WithFieldsNamedWhenWrong()
    {
        var admin = await AdminApiAsync();
        var calendar = await admin.GivenOfficeCalendarAsync();
        var service = await App.ServiceAsync("new-laptop");
        var url = $"/api/v1/services/{service.Id}/promise";
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);

        var wrong = await admin.PutAsJsonAsync(url, new
        {
            text = "We bring it.",
            calendarId = calendar,
            targets = new[] { new { priority = "medium", firstResponseMinutes = 600, resolutionMinutes = 60 }, new { priority = "urgent", firstResponseMinutes = 1, resolutionMinutes = 2 } },
            onReopen = "forget",
            escalations = Unknown,
        });
        var errors = (await ProblemAsync(wrong, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["escalations", "onReopen", "targets", "targets.medium.resolution"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var given = await admin.PutAsJsonAsync(url, new { text = "We bring it within a week.", calendarId = calendar, targets = ClocksIntents.Targets(480, 2_400) });
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var promise = await JsonAsync(given);
        Assert.Equal(1, promise.GetProperty("version").GetInt32());
        Assert.True(promise.GetProperty("readingEase").GetDouble() > 60);
        Assert.Equal(["notify-team-lead"], promise.GetProperty("escalations").EnumerateArray().Select(e => e.GetString()));

        var noVersion = await admin.PutAsJsonAsync(url, new { text = "Changed.", calendarId = calendar, targets = ClocksIntents.Targets(60, 120) });
        Assert.True((await ProblemAsync(noVersion, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("version", out _));
        var changed = await admin.PutAsJsonAsync(url, new { version = 1, text = "Changed.", calendarId = calendar, targets = ClocksIntents.Targets(60, 120) });
        Assert.Equal(2, (await JsonAsync(changed)).GetProperty("version").GetInt32());
        var stale = await admin.PutAsJsonAsync(url, new { version = 1, text = "Stale.", calendarId = calendar, targets = ClocksIntents.Targets(60, 120) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Changed.", (await admin.GetFromJsonAsync<JsonElement>(url)).GetProperty("text").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"{url}?version=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{url}?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/services/{Guid.NewGuid()}/promise")).StatusCode);
    }

    [Fact]
    public async Task ChangingTheTerms_ReplaysTheClocksOfOpenTickets_AndThePortalTellsTheRequester()
    {
        var admin = await AdminApiAsync();
        var calendar = await admin.GivenOfficeCalendarAsync();
        var service = await App.ServiceAsync("it-question");
        var url = $"/api/v1/services/{service.Id}/promise";
        // Monday 2 March 2026, 09:00 in Berlin: the service promises nothing yet.
        var id = (await OpenAsync(Requester, "Which VPN client should I use?")).GetProperty("id").GetInt64();
        await App.DrainEventsAsync();
        Assert.Equal(JsonValueKind.Null, (await ClocksOfAsync(id)).GetProperty("firstResponse").ValueKind);

        var given = await admin.PutAsJsonAsync(url, new { text = "We answer within 2 working hours.", calendarId = calendar, targets = ClocksIntents.Targets(120, 480) });
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        await App.DrainEventsAsync();
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), DueAt(await ClocksOfAsync(id), "firstResponse"));

        var requester = await App.SignedInClientAsync(await App.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        var portal = await requester.GetPageAsync($"/portal/requests/{id}");
        Assert.Equal("We answer within 2 working hours.", portal.QuerySelector("#promise-text")?.TextContent);
        Assert.Contains("We will answer by Monday 2 March, 11:00 (Berlin time).", portal.QuerySelector("#promise-times")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("We will solve it by Monday 2 March, 17:00 (Berlin time).", portal.QuerySelector("#promise-times")?.TextContent, StringComparison.Ordinal);

        await admin.PutAsJsonAsync(url, new { version = 1, text = "We answer within 4 working hours.", calendarId = calendar, targets = ClocksIntents.Targets(240, 480) });
        await App.DrainEventsAsync();
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), DueAt(await ClocksOfAsync(id), "firstResponse"));

        // The calendar gains an hour in the morning: the due time follows it.
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calendars/{calendar}");
        var earlier = await admin.PutAsJsonAsync($"/api/v1/calendars/{calendar}", new
        {
            name = read.GetProperty("name").GetString(),
            timeZone = "Europe/Berlin",
            hours = Weekdays.Select(d => new { day = d, start = "08:00", end = "17:00" }),
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
        await App.DrainEventsAsync();
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), DueAt(await ClocksOfAsync(id), "firstResponse"));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero), DueAt(await ClocksOfAsync(id), "resolution"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{url}?version=2")).StatusCode);
        await App.DrainEventsAsync();
        Assert.Equal(JsonValueKind.Null, (await ClocksOfAsync(id)).GetProperty("firstResponse").ValueKind);
        Assert.Null((await requester.GetPageAsync($"/portal/requests/{id}")).QuerySelector("#promise"));
    }

    private async Task<JsonElement> ClocksOfAsync(long id) => (await Agent.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}")).GetProperty("clocks");

    private static DateTimeOffset? DueAt(JsonElement clocks, string clock) =>
        clocks.GetProperty(clock).GetProperty("dueAt") is { ValueKind: JsonValueKind.String } due ? due.GetDateTimeOffset() : null;
}

public sealed class ClocksApiTests_Sqlite(SqliteApp app) : ClocksApiTests(app), IClassFixture<SqliteApp>;

public sealed class ClocksApiTests_Postgres(PostgresApp app) : ClocksApiTests(app), IClassFixture<PostgresApp>;
