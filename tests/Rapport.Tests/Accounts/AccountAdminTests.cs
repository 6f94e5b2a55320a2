using System.Net;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Accounts;

public abstract class AccountAdminTests(RapportApp app)
{
    [Fact]
    public async Task Admin_CreatesAnAccountOnThePage_ThePasswordShownOnceSignsIn()
    {
        var admin = await app.CreateAccountAsync(RapportRoles.Administrator);
        var browser = await app.SignedInClientAsync(admin);
        var email = $"new-{Guid.NewGuid():N}@example.org";

        var response = await browser.SubmitFormAsync("/admin/accounts", "#create-account", new()
        {
            ["NewAccount.Email"] = email,
            ["NewAccount.DisplayName"] = "Nadia Okoro",
            ["NewAccount.Role"] = RapportRoles.Agent,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("password", response.RequestMessage!.RequestUri!.Query, StringComparison.OrdinalIgnoreCase);
        var page = await response.ParseAsync();
        var password = page.Text("#new-password");
        Assert.Equal(20, password.Length);
        Assert.Contains("not be shown again", page.Text(".secret"), StringComparison.Ordinal);

        var again = await browser.GetPageAsync($"/admin/accounts?search={email}");
        Assert.Equal([email], Emails(again));
        Assert.DoesNotContain(password, again.Body!.InnerHtml, StringComparison.Ordinal);

        var created = Assert.Single(await app.EventsAsync("accounts.account-created"), e => e.Payload.Contains(email, StringComparison.Ordinal));
        Assert.Equal(admin.Id.ToString(), created.ActorId);
        Assert.DoesNotContain(password, created.Payload, StringComparison.Ordinal);

        var newcomer = await app.SignedInClientAsync(new TestAccount(Guid.Empty, email, password, RapportRoles.Agent));
        Assert.Equal("/desk", await newcomer.PathAfterAsync("/"));
    }

    [Fact]
    public async Task CreateAccount_WithAnEmailInUse_SaysSoNextToTheField()
    {
        var existing = await app.CreateAccountAsync(RapportRoles.Requester);
        var browser = await app.SignedInAdminAsync();

        var page = await (await browser.SubmitFormAsync("/admin/accounts", "#create-account", new()
        {
            ["NewAccount.Email"] = existing.Email,
            ["NewAccount.DisplayName"] = "Someone Else",
        })).ParseAsync();

        Assert.Contains("exists already", page.Text("#create-account .validation-message"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#new-password"));
    }

    [Fact]
    public async Task Roles_RequesterPromotedToAgent_SeesTheDeskAfterSigningInAgain()
    {
        var requester = await app.CreateAccountAsync(RapportRoles.Requester);
        var before = await app.SignedInClientAsync(requester);
        Assert.DoesNotContain("/desk", (await before.GetPageAsync("/portal")).Areas());

        var admin = await app.SignedInAdminAsync();
        var saved = await (await admin.SubmitFormAsync($"/admin/accounts/{requester.Id}", "#roles-form", new() { ["roles"] = RapportRoles.Agent })).ParseAsync();

        Assert.Contains("Roles saved", saved.Text("#done"), StringComparison.Ordinal);
        Assert.NotNull(saved.QuerySelector($"#role-{RapportRoles.Agent}[checked]"));
        Assert.Null(saved.QuerySelector($"#role-{RapportRoles.Requester}[checked]"));
        var after = await app.SignedInClientAsync(requester);
        var portal = await after.GetPageAsync("/portal");
        Assert.Contains("/desk", portal.Areas());
        Assert.Equal("/desk", await after.PathAfterAsync("/desk"));
    }

    [Fact]
    public async Task Roles_AdminRemovingTheirOwnAdminRole_IsRefusedWithTheReason()
    {
        var admin = await app.CreateAccountAsync(RapportRoles.Administrator);
        var browser = await app.SignedInClientAsync(admin);

        var page = await (await browser.SubmitFormAsync($"/admin/accounts/{admin.Id}", "#roles-form", new() { ["roles"] = RapportRoles.Agent })).ParseAsync();

        Assert.Contains("cannot take the administrator role from yourself", page.Text("#error"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#role-{RapportRoles.Administrator}[checked]"));
        Assert.Contains("/admin", (await browser.GetPageAsync("/admin")).Areas());
    }

    [Fact]
    public async Task Lock_AdminLockingThemselves_IsRefusedWithTheReason()
    {
        var admin = await app.CreateAccountAsync(RapportRoles.Administrator);
        var browser = await app.SignedInClientAsync(admin);

        var page = await (await browser.SubmitFormAsync($"/admin/accounts/{admin.Id}", "#lock-form", new())).ParseAsync();

        Assert.Contains("cannot lock your own account", page.Text("#error"), StringComparison.Ordinal);
        Assert.Equal("Can sign in", page.Text("#status"));
    }

    [Fact]
    public async Task Lock_LockedAccountsApiToken_StopsWorking_AndUnlockingRestoresIt()
    {
        var agent = await app.CreateAccountAsync(RapportRoles.Agent);
        var api = await app.ApiClientAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        var admin = await app.SignedInAdminAsync();

        var locked = await (await admin.SubmitFormAsync($"/admin/accounts/{agent.Id}", "#lock-form", new())).ParseAsync();

        Assert.Equal("Locked", locked.Text("#status"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Contains("locked", (await app.AnonymousClient().SignInAsync(agent.Email, agent.Password)).Text("#signin-error"), StringComparison.Ordinal);

        var unlocked = await (await admin.SubmitFormAsync($"/admin/accounts/{agent.Id}", "#lock-form", new())).ParseAsync();

        Assert.Equal("Can sign in", unlocked.Text("#status"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Single(await app.EventsAsync("accounts.account-locked"), e => e.CaseId == agent.Id.ToString());
        Assert.Single(await app.EventsAsync("accounts.account-unlocked"), e => e.CaseId == agent.Id.ToString());
    }

    [Fact]
    public async Task ResetPassword_ShowsTheNewPasswordOnce_AndOnlyItSignsIn()
    {
        var requester = await app.CreateAccountAsync(RapportRoles.Requester);
        var admin = await app.SignedInAdminAsync();

        var response = await admin.SubmitFormAsync($"/admin/accounts/{requester.Id}", "#reset-form", new());
        var password = (await response.ParseAsync()).Text("#new-password");

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("do not match", (await app.AnonymousClient().SignInAsync(requester.Email, requester.Password)).Text("#signin-error"), StringComparison.Ordinal);
        await app.SignedInClientAsync(requester with { Password = password });
        Assert.Null((await admin.GetPageAsync($"/admin/accounts/{requester.Id}")).QuerySelector("#new-password"));
    }

    [Fact]
    public async Task AccountPage_UnknownAccount_IsNotFound()
    {
        var admin = await app.SignedInAdminAsync();

        var response = await admin.GetAsync($"/admin/accounts/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_SearchRoleAndPages_FindTheRightAccountsInEmailOrder()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await app.CreateAccountAsync(RapportRoles.Agent, $"c-{marker}@example.org", "Carla Quinn");
        await app.CreateAccountAsync(RapportRoles.Requester, $"a-{marker}@example.org", "Ana Lima");
        await app.CreateAccountAsync(RapportRoles.Agent, $"b-{marker}@example.org", "Bo Stein");
        var admin = await app.SignedInAdminAsync();

        var first = await admin.GetPageAsync($"/admin/accounts?search={marker}&size=2");
        Assert.Equal([$"a-{marker}@example.org", $"b-{marker}@example.org"], Emails(first));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetPageAsync(next);
        Assert.Equal([$"c-{marker}@example.org"], Emails(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));

        var agents = await admin.GetPageAsync($"/admin/accounts?search={marker}&role={RapportRoles.Agent}");
        Assert.Equal([$"b-{marker}@example.org", $"c-{marker}@example.org"], Emails(agents));

        var byName = await admin.GetPageAsync("/admin/accounts?search=bo+STEIN");
        Assert.Equal([$"b-{marker}@example.org"], Emails(byName));
        Assert.Equal("Agent", byName.Text("#accounts tbody tr .badge"));
    }

    [Fact]
    public async Task Csv_ExportsTheFilteredAccounts_WithFormulasDefused()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var sneaky = await app.CreateAccountAsync(RapportRoles.Requester, $"sneaky-{marker}@example.org", "=HYPERLINK(\"http://evil.example\";\"Click\")");
        var admin = await app.SignedInAdminAsync();

        var response = await admin.GetAsync($"/admin/accounts.csv?search={marker}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("E-mail,Name,Roles", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{sneaky.Email},\"'=HYPERLINK(", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RapportRoles.Agent)]
    [InlineData(RapportRoles.Requester)]
    public async Task AccountAdmin_NotAnAdministrator_IsDeniedThePageAndTheCsv(string role)
    {
        var someone = await app.CreateAccountAsync(role);
        var other = await app.CreateAccountAsync(RapportRoles.Administrator);
        var browser = await app.SignedInClientAsync(someone);

        Assert.Equal("/denied", await browser.PathAfterAsync("/admin/accounts"));
        Assert.Equal("/denied", await browser.PathAfterAsync($"/admin/accounts/{someone.Id}"));
        var csv = await browser.GetAsync("/admin/accounts.csv");
        Assert.Equal("/denied", csv.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotEqual("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(other.Email, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_Anonymous_GetsNoData()
    {
        var response = await app.AnonymousClient(followRedirects: false).GetAsync("/admin/accounts.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    private static List<string> Emails(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("#accounts tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim())];
}

public sealed class AccountAdminTests_Sqlite(SqliteApp app) : AccountAdminTests(app), IClassFixture<SqliteApp>;

public sealed class AccountAdminTests_Postgres(PostgresApp app) : AccountAdminTests(app), IClassFixture<PostgresApp>;
