using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Errors;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Features;

namespace Rapport.Tests.Tickets;

/// <summary>Saved views: a queue's filter and order under a name, private or shared with the Desk.</summary>
public abstract class SavedViewTests(RapportApp app) : DeskQueueTests(app)
{
    /// <summary>Saves the queue at <paramref name="queueUrl"/> as a view and answers the view's id.</summary>
    private static async Task<Guid> SaveViewAsync(HttpClient agent, string queueUrl, string name, bool shared = false)
    {
        var values = new Dictionary<string, string> { ["name"] = name };
        if (shared)
        {
            values["shared"] = "true";
        }

        var response = await agent.SubmitFormAsync(queueUrl, "form#save-view", values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/desk/views/", path, StringComparison.Ordinal);
        return Guid.Parse(path["/desk/views/".Length..], CultureInfo.InvariantCulture);
    }

    private static List<string> ViewNames(IDocument page) =>
        [.. page.QuerySelectorAll(".view-list a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task SaveView_FromAFilteredQueue_OpensWithTheSameFilterAndOrder()
    {
        var run = NewRun();
        var first = await OpenAsync($"First incident {run}", "incident");
        await OpenAsync($"A question {run}", "question");
        var second = await OpenAsync($"Second incident {run}", "incident");

        var id = await SaveViewAsync(Agent, $"/desk/queues/all?state=all&type=incident&sort=oldest&q={run}", $"Incidents {run}");

        var page = await Agent.GetPageAsync($"/desk/views/{id}?done=view-saved");
        Assert.Equal($"Incidents {run}", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("View saved. You find it under Views.", page.QuerySelector("#queue-message")!.TextContent);
        Assert.Equal([first, second], Rows(page));
        Assert.Contains($"Incidents {run}", ViewNames(page));
        Assert.Equal("oldest", page.QuerySelector<IHtmlSelectElement>("#sort")!.Value);
        var saved = Assert.Single(await App.EventsAsync("tickets.view-saved"), e => e.CaseId == id.ToString());
        Assert.Contains($"\"query\":\"queue=all\\u0026state=all\\u0026type=incident\\u0026q={run}\\u0026sort=oldest\"", saved.Payload, StringComparison.Ordinal);

        var csv = await (await Agent.GetAsync($"/desk/views/{id}.csv")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([first, second], lines.Skip(1).Select(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task SaveView_WithoutName_OrWithANameTheOwnerUsesAlready_SaysWhy_AndSavesNothing()
    {
        var run = NewRun();
        await SaveViewAsync(Agent, "/desk/queues/team?priority=high", $"Urgent {run}");
        var before = (await App.EventsAsync("tickets.view-saved")).Count;

        var empty = await (await Agent.SubmitFormAsync("/desk/queues/team", "form#save-view", new() { ["name"] = "  " })).ParseAsync();
        var taken = await (await Agent.SubmitFormAsync("/desk/queues/mine", "form#save-view", new() { ["name"] = $"urgent {run}" })).ParseAsync();

        Assert.Contains("Give the view a name", empty.QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"There is a view called \"urgent {run}\" already", taken.QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"urgent {run}", taken.QuerySelector<IHtmlInputElement>("#view-name")!.Value);
        Assert.Equal(before, (await App.EventsAsync("tickets.view-saved")).Count);

        // Another person may use the same name for their own view.
        await SaveViewAsync(Colleague, "/desk/queues/mine", $"Urgent {run}");
    }

    [Fact]
    public async Task SharedView_IsListedForColleagues_PrivateView_IsNot()
    {
        var run = NewRun();
        var ticket = await OpenAsync($"Shared look {run}");
        var mine = await SaveViewAsync(Agent, $"/desk/queues/all?q={run}", $"Private {run}");
        var shared = await SaveViewAsync(Agent, $"/desk/queues/all?q={run}", $"Shared {run}", shared: true);

        var colleagues = await Colleague.GetPageAsync("/desk/queues/team");

        Assert.Contains($"Shared {run}", ViewNames(colleagues));
        Assert.DoesNotContain($"Private {run}", ViewNames(colleagues));
        var deskHome = await Colleague.GetPageAsync("/desk");
        Assert.Contains(deskHome.QuerySelectorAll("#desk-views a"), a => a.TextContent == $"Shared {run}");
        Assert.DoesNotContain(deskHome.QuerySelectorAll("#desk-views a"), a => a.TextContent == $"Private {run}");
        Assert.Equal(HttpStatusCode.NotFound, (await Colleague.GetAsync($"/desk/views/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Colleague.GetAsync($"/desk/views/{mine}.csv")).StatusCode);
        var sharedPage = await Colleague.GetPageAsync($"/desk/views/{shared}");
        Assert.Equal([ticket], Rows(sharedPage));
        Assert.Null(sharedPage.QuerySelector("form:has(#rename)"));
    }

    [Fact]
    public async Task Owner_RenamesSharesAndRemoves_EachChangeIsAnEvent()
    {
        var run = NewRun();
        var id = await SaveViewAsync(Agent, "/desk/queues/unassigned?type=request", $"Requests {run}");

        var renamed = await (await Agent.SubmitFormAsync($"/desk/views/{id}", "form:has(#rename)", new() { ["name"] = $"New requests {run}" })).ParseAsync();
        Assert.Equal($"New requests {run}", renamed.QuerySelector("h1")!.TextContent);
        Assert.Equal("View renamed.", renamed.QuerySelector("#queue-message")!.TextContent);

        Assert.DoesNotContain($"New requests {run}", ViewNames(await Colleague.GetPageAsync("/desk/queues/team")));
        var shared = await (await Agent.SubmitFormAsync($"/desk/views/{id}", "form:has(button:contains('Share with the Desk'))", [])).ParseAsync();
        Assert.StartsWith("View shared", shared.QuerySelector("#queue-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"New requests {run}", ViewNames(await Colleague.GetPageAsync("/desk/queues/team")));

        var removed = await Agent.SubmitFormAsync($"/desk/views/{id}", "form:has(button.danger)", []);
        Assert.Equal("/desk/queues/unassigned", removed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("View removed.", (await removed.ParseAsync()).QuerySelector("#queue-message")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await Agent.GetAsync($"/desk/views/{id}")).StatusCode);

        var saved = (await App.EventsAsync("tickets.view-saved")).Where(e => e.CaseId == id.ToString()).ToList();
        Assert.Equal(3, saved.Count);
        Assert.Contains("\"isShared\":true", saved[^1].Payload, StringComparison.Ordinal);
        Assert.Single(await App.EventsAsync("tickets.view-removed"), e => e.CaseId == id.ToString());
    }

    [Fact]
    public async Task Colleague_CannotRenameOrRemoveASharedView_AnAdministratorCan()
    {
        var run = NewRun();
        var id = await SaveViewAsync(Agent, "/desk/queues/team", $"Team board {run}", shared: true);
        var colleague = await App.ScopeAsync(sp => sp.GetRequiredService<TicketViewers>().ForAsync(Principal(Aisha.AccountId!.Value, Rapport.Platform.RapportRoles.Agent), CancellationToken.None));
        var admin = colleague with { IsAdmin = true, PersonId = Guid.NewGuid() };

        var rename = await App.ScopeAsync(sp => sp.GetRequiredService<ManageSavedViews>().RenameAsync(id, "Mine now", null, colleague, CancellationToken.None));
        var remove = await App.ScopeAsync(sp => sp.GetRequiredService<ManageSavedViews>().RemoveAsync(id, null, colleague, CancellationToken.None));

        Assert.IsType<ForbiddenError>(rename.Error);
        Assert.IsType<ForbiddenError>(remove.Error);
        Assert.Contains($"Team board {run}", ViewNames(await Colleague.GetPageAsync("/desk/queues/team")));
        Assert.Empty((await Colleague.GetPageAsync($"/desk/views/{id}")).QuerySelectorAll("form:has(button.danger)"));

        var byAdmin = await App.ScopeAsync(sp => sp.GetRequiredService<ManageSavedViews>().RemoveAsync(id, null, admin, CancellationToken.None));
        Assert.True(byAdmin.Succeeded, byAdmin.Error?.Detail);
        Assert.Equal(HttpStatusCode.NotFound, (await Colleague.GetAsync($"/desk/views/{id}")).StatusCode);
    }

    [Fact]
    public async Task Rename_FromAStalePage_SaysSomeoneElseChangedIt()
    {
        var run = NewRun();
        var id = await SaveViewAsync(Agent, "/desk/queues/team", $"Stale {run}");
        var stale = (await Agent.GetPageAsync($"/desk/views/{id}")).QuerySelector<IHtmlFormElement>("form:has(#rename)")!;
        await Agent.SubmitFormAsync($"/desk/views/{id}", "form:has(#rename)", new() { ["name"] = $"Fresh {run}" });

        var page = await (await Agent.SubmitAsync(stale, new() { ["name"] = $"Late {run}" })).ParseAsync();

        Assert.Contains("changed by someone else", page.QuerySelector("#view-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Fresh {run}", page.QuerySelector("h1")!.TextContent);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(Guid accountId, string role) =>
        new(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, accountId.ToString()), new(System.Security.Claims.ClaimTypes.Role, role)],
            "test"));
}

public sealed class SavedViewTests_Sqlite(SqliteApp app) : SavedViewTests(app), IClassFixture<SqliteApp>;

public sealed class SavedViewTests_Postgres(PostgresApp app) : SavedViewTests(app), IClassFixture<PostgresApp>;
