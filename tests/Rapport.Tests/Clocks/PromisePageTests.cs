using Rapport.Clocks.Contracts;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Domain;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Clocks;

/// <summary>The promise editor: plain words scored as they are typed, targets checked, conflicts shown, the portal telling customers.</summary>
public abstract class PromisePageTests(RapportApp app) : IAsyncLifetime
{
    private const string PlainText = "We answer within 2 working hours. We fix most problems the same day.";

    private const string HardSentence =
        "Notwithstanding organisational considerations, prioritisation of incidents is determined contractually by the applicable operational level agreement.";

    private Guid _calendar;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        _calendar = await (await app.ApiClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator))).GivenOfficeCalendarAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> AdminAsync() => await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator));

    private Task<ServicePromise?> StoredAsync(Guid serviceId) =>
        app.QueryAsync(db => db.Set<ServicePromise>().AsNoTracking().SingleOrDefaultAsync(p => p.ServiceId == serviceId));

    private Dictionary<string, string> Promise(string text = PlainText) => new()
    {
        ["text"] = text,
        ["calendarId"] = _calendar.ToString(),
        ["medium-firstResponse-hours"] = "2",
        ["medium-resolution-hours"] = "8",
        ["high-firstResponse-minutes"] = "30",
        ["high-resolution-hours"] = "4",
        ["high-resolution-minutes"] = "30",
        ["warnAtPercent"] = "75",
        ["escalations"] = EscalationActions.RaisePriority,
        ["minHappiness"] = "7",
    };

    [Fact]
    public async Task GivingAServiceItsFirstPromise_SavesTheTargetsInMinutes_AndThePortalShowsIt()
    {
        var admin = await AdminAsync();
        var service = await app.ServiceAsync("leave-question");
        var url = $"/admin/catalog/{service.Id}/promise";
        var empty = await admin.GetPageAsync(url);
        Assert.Contains("promises nothing yet", empty.QuerySelector(".lead")?.TextContent, StringComparison.Ordinal);

        var response = await admin.SubmitFormAsync(url, "#edit-promise", Promise());

        Assert.Contains("done=saved", response.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        var stored = (await StoredAsync(service.Id))!;
        Assert.Equal(PlainText, stored.Text);
        Assert.Equal(_calendar, stored.CalendarId);
        Assert.Equal([new PromiseTarget("high", 30, 270), new PromiseTarget("medium", 120, 480)], stored.Targets);
        Assert.Equal(75, stored.WarnAtPercent);
        Assert.Equal([EscalationActions.RaisePriority], stored.Escalations);
        Assert.Equal(7, stored.MinHappiness);
        Assert.Null(stored.MaxLostMinutes);
        Assert.Contains(await app.EventsAsync("clocks.promise-saved"), e => e.CaseId == stored.Id.ToString());
        var saved = await response.ParseAsync();
        Assert.Equal("4", saved.QuerySelector<IHtmlInputElement>("#promise-high-resolution-hours")?.Value);
        Assert.Equal("30", saved.QuerySelector<IHtmlInputElement>("#promise-high-resolution-minutes")?.Value);
        Assert.NotNull(saved.QuerySelector("#readability-score"));

        var requester = await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Requester));
        var portal = await requester.GetPageAsync($"/portal/new/{service.Key}");
        Assert.Equal(PlainText, portal.QuerySelector("#promise-text")?.TextContent);
        var list = await admin.GetPageAsync("/admin/promises");
        Assert.Contains(PlainText, list.QuerySelector($"#promises tr[data-service='{service.Id}']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongInput_IsNamedNextToEachField_AndNothingIsSaved()
    {
        var admin = await AdminAsync();
        var service = await app.ServiceAsync("payslip-correction");
        var values = Promise("");
        values["medium-firstResponse-hours"] = "10";
        values["medium-resolution-hours"] = "2";
        values["low-firstResponse-minutes"] = "a lot";
        values["warnAtPercent"] = "150";
        values["minHappiness"] = "11";

        var page = await (await admin.SubmitFormAsync($"/admin/catalog/{service.Id}/promise", "#edit-promise", values)).ParseAsync();

        Assert.NotNull(page.QuerySelector("#promise-errors[role=alert]"));
        Assert.Contains("Write the promise", page.QuerySelector("#promise-text-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot be promised sooner than the first answer", page.QuerySelector("#promise-medium-resolution-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("whole hours and minutes", page.QuerySelector("#promise-low-firstResponse-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("from 1 to 99", page.QuerySelector("#promise-warnAtPercent-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 to 10", page.QuerySelector("#promise-minHappiness-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("a lot", page.QuerySelector<IHtmlInputElement>("#promise-low-firstResponse-minutes")?.Value);
        Assert.Null(await StoredAsync(service.Id));
    }

    [Fact]
    public async Task CheckTheText_WithoutJavaScript_ScoresIt_MarksTheHardSentence_AndSavesNothing()
    {
        var admin = await AdminAsync();
        var service = await app.ServiceAsync("new-starter");
        var values = Promise($"We answer within a day. {HardSentence}");
        values["action"] = "preview";

        var page = await (await admin.SubmitFormAsync($"/admin/catalog/{service.Id}/promise", "#edit-promise", values)).ParseAsync();

        Assert.Contains("Reading ease", page.QuerySelector("#readability-score")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hard to read: aim for 60", page.QuerySelector("#readability-warning")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HardSentence, page.QuerySelector("#readability-text mark")?.TextContent);
        Assert.Equal($"We answer within a day. {HardSentence}", page.QuerySelector<IHtmlTextAreaElement>("#promise-text")?.Value);
        Assert.Null(await StoredAsync(service.Id));
    }

    [Fact]
    public async Task TypingTheText_AsksForTheReadabilityFragment_WhichScoresIt()
    {
        var admin = await AdminAsync();
        var service = await app.ServiceAsync("new-starter");
        var page = await admin.GetPageAsync($"/admin/catalog/{service.Id}/promise");
        var text = page.QuerySelector<IHtmlTextAreaElement>("#promise-text")!;
        Assert.Equal("/admin/promises/readability", text.GetAttribute("hx-post"));
        Assert.Contains("keyup changed delay:400ms", text.GetAttribute("hx-trigger"), StringComparison.Ordinal);
        Assert.Equal("#readability", text.GetAttribute("hx-target"));
        var token = page.QuerySelector<IHtmlInputElement>("#edit-promise input[name='__RequestVerificationToken']")!.Value;

        using var plain = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["text"] = PlainText });
        var fragment = await (await admin.PostAsync("/admin/promises/readability", plain)).ParseAsync();
        Assert.Contains("— easy", fragment.QuerySelector("#readability #readability-score")?.TextContent, StringComparison.Ordinal);
        Assert.Null(fragment.QuerySelector("#readability-warning"));

        using var hard = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["text"] = HardSentence });
        var warned = await (await admin.PostAsync("/admin/promises/readability", hard)).ParseAsync();
        Assert.NotNull(warned.QuerySelector("#readability-warning"));

        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = PlainText });
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/admin/promises/readability", forged)).StatusCode);
    }

    [Fact]
    public async Task SavingOverSomeoneElsesChange_ShowsTheirs_AndKeepsYours()
    {
        var admin = await AdminAsync();
        var other = await AdminAsync();
        var service = await app.ServiceAsync("access-badge");
        var url = $"/admin/catalog/{service.Id}/promise";
        await admin.SubmitFormAsync(url, "#edit-promise", Promise());
        var stale = (await admin.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("#edit-promise")!;

        await other.SubmitFormAsync(url, "#edit-promise", new() { ["text"] = "We answer the same day." });
        var mine = await (await admin.SubmitAsync(stale, new() { ["text"] = "We answer within the hour." })).ParseAsync();

        Assert.Contains("We answer the same day.", mine.QuerySelector("#conflict")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("We answer within the hour.", mine.QuerySelector<IHtmlTextAreaElement>("#promise-text")?.Value);
        Assert.Equal("We answer the same day.", (await StoredAsync(service.Id))!.Text);

        // A second editor who started before the service had any promise meets the same notice.
        var fresh = await app.ServiceAsync("expense-question");
        var first = (await admin.GetPageAsync($"/admin/catalog/{fresh.Id}/promise")).QuerySelector<IHtmlFormElement>("#edit-promise")!;
        await other.SubmitFormAsync($"/admin/catalog/{fresh.Id}/promise", "#edit-promise", Promise("Theirs."));
        var late = await (await admin.SubmitAsync(first, Promise("Mine."))).ParseAsync();
        Assert.NotNull(late.QuerySelector("#conflict"));
        Assert.Equal("Theirs.", (await StoredAsync(fresh.Id))!.Text);
    }

    [Fact]
    public async Task RemovingThePromise_TakesItOffThePortal()
    {
        var admin = await AdminAsync();
        var service = await app.ServiceAsync("something-broken");
        var url = $"/admin/catalog/{service.Id}/promise";
        await admin.SubmitFormAsync(url, "#edit-promise", Promise());
        var id = (await StoredAsync(service.Id))!.Id;

        var done = await (await admin.SubmitFormAsync($"{url}?remove=confirm", "#remove-promise", [])).ParseAsync();

        Assert.Contains("The promise is removed", done.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(service.Id));
        Assert.Contains(await app.EventsAsync("clocks.promise-removed"), e => e.CaseId == id.ToString());
        var requester = await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Requester));
        Assert.Null((await requester.GetPageAsync($"/portal/new/{service.Key}")).QuerySelector("#promise"));
    }
}

public sealed class PromisePageTests_Sqlite(SqliteApp app) : PromisePageTests(app), IClassFixture<SqliteApp>;

public sealed class PromisePageTests_Postgres(PostgresApp app) : PromisePageTests(app), IClassFixture<PostgresApp>;
