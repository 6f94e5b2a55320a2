using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Accounts.Features;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Accounts;

public abstract class AreaHomePageTests(RapportApp app)
{
    [Fact]
    public async Task Requester_SeesThePortalWithTheWayToAskForHelp_ButIsDeniedTheDesk()
    {
        var requester = await app.CreateAccountAsync(RapportRoles.Requester, name: "Rosa Diaz");
        await app.DrainEventsAsync();
        var browser = await app.SignedInClientAsync(requester);

        var portal = await browser.GetPageAsync("/portal");

        Assert.Equal("Hello, Rosa", portal.Text("h1"));
        Assert.Contains("Ask for help, follow your requests, say how it went", portal.Text(".lead"), StringComparison.Ordinal);
        Assert.NotNull(portal.QuerySelector("#ask-for-help a[href='/portal/new']"));
        Assert.NotNull(portal.QuerySelector("#your-requests a[href='/portal/requests']"));
        Assert.Equal("/portal/requests", await browser.PathAfterAsync("/portal/requests"));
        Assert.Contains("Not set yet", portal.Text("#business-unit"), StringComparison.Ordinal);
        Assert.Equal(["/portal"], portal.Areas());
        Assert.Equal("/denied", await browser.PathAfterAsync("/desk"));
        Assert.Equal("/denied", await browser.PathAfterAsync("/insights"));
        Assert.Equal("/denied", await browser.PathAfterAsync("/admin"));
    }

    [Fact]
    public async Task Desk_AgentInNoTeam_IsToldAnAdministratorCanAddThem_AndReachesEveryQueue()
    {
        var agent = await app.CreateAccountAsync(RapportRoles.Agent);
        await app.DrainEventsAsync();
        var browser = await app.SignedInClientAsync(agent);

        var desk = await browser.GetPageAsync("/desk");

        Assert.Contains("Desk", desk.Text("h1"), StringComparison.Ordinal);
        Assert.Contains("An administrator can add you to a team", desk.Text("#no-teams"), StringComparison.Ordinal);
        Assert.Null(desk.QuerySelector("#your-teams a[href='/admin/teams']"));
        var queues = desk.QuerySelectorAll("#queues a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(4, queues.Count);
        foreach (var queue in queues)
        {
            Assert.Equal(queue, await browser.PathAfterAsync(queue));
        }
    }

    [Fact]
    public async Task Desk_AdministratorInNoTeam_GetsALinkToTheTeams()
    {
        var browser = await app.SignedInAdminAsync();

        var desk = await browser.GetPageAsync("/desk");

        Assert.NotNull(desk.QuerySelector("#your-teams a[href='/admin/teams']"));
    }

    [Fact]
    public async Task Insights_TeamLead_SeesWhatWillAppear()
    {
        var lead = await app.CreateAccountAsync(RapportRoles.TeamLead);
        var browser = await app.SignedInClientAsync(lead);

        var insights = await browser.GetPageAsync("/insights");

        Assert.Equal("Insights", insights.Text("h1"));
        Assert.Contains("Nothing to show yet", insights.Text("#insights-empty"), StringComparison.Ordinal);
        Assert.Equal(["/portal", "/desk", "/insights"], insights.Areas());
    }

    [Fact]
    public async Task Admin_SeesLiveCountsAndLinks()
    {
        var admin = await app.CreateAccountAsync(RapportRoles.Administrator);
        var locked = await app.CreateAccountAsync(RapportRoles.Requester);
        await app.ScopeAsync(sp => sp.GetRequiredService<AccountAdministration>()
            .SetLockedAsync(locked.Id, true, admin.Id, CancellationToken.None));
        var accounts = await app.QueryAsync(db => db.Users.CountAsync());
        var browser = await app.SignedInClientAsync(admin);

        var home = await browser.GetPageAsync("/admin");

        Assert.Equal("Admin", home.Text("h1"));
        Assert.Equal(accounts.ToString(System.Globalization.CultureInfo.InvariantCulture), home.Text("#card-accounts .stat"));
        Assert.Contains("1 account is locked", home.Text("#card-accounts"), StringComparison.Ordinal);
        Assert.Equal("0", home.Text("#card-departments .stat"));
        foreach (var href in new[] { "/admin/departments", "/admin/teams", "/admin/business-units", "/admin/people", "/admin/accounts", "/api/reference", "/health" })
        {
            Assert.NotNull(home.QuerySelector($"main a[href='{href}']"));
        }
    }
}

public sealed class AreaHomePageTests_Sqlite(SqliteApp app) : AreaHomePageTests(app), IClassFixture<SqliteApp>;

public sealed class AreaHomePageTests_Postgres(PostgresApp app) : AreaHomePageTests(app), IClassFixture<PostgresApp>;
