using System.Net;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Accounts;

public abstract class SignInTests(RapportApp app)
{
    [Fact]
    public async Task WrongPassword_FiveTimes_LocksTheAccount_AndTheRightPasswordIsRefusedToo()
    {
        var requester = await app.CreateAccountAsync(RapportRoles.Requester);
        var browser = app.AnonymousClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var page = await browser.SignInAsync(requester.Email, "not-the-password");
            Assert.Contains("do not match", page.Text("#signin-error"), StringComparison.Ordinal);
        }

        var fifth = await browser.SignInAsync(requester.Email, "not-the-password");
        Assert.Contains("locked", fifth.Text("#signin-error"), StringComparison.Ordinal);

        var correct = await browser.SignInAsync(requester.Email, requester.Password);
        Assert.Contains("locked", correct.Text("#signin-error"), StringComparison.Ordinal);
        Assert.Equal("/signin", await browser.PathAfterAsync("/portal"));
        Assert.Contains(await app.EventsAsync("accounts.sign-in-failed"), e => e.CaseId == requester.Id.ToString() && e.Payload.Contains("\"lockedOut\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlToAnotherSite_LandsOnTheStartPageHere()
    {
        var requester = await app.CreateAccountAsync(RapportRoles.Requester);
        var browser = app.AnonymousClient();

        var response = await browser.SubmitFormAsync("/signin?returnUrl=http://evil.example/", "form", new()
        {
            ["Input.Email"] = requester.Email,
            ["Input.Password"] = requester.Password,
        });

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("localhost", response.RequestMessage!.RequestUri!.Host);
        Assert.Equal("/portal", response.RequestMessage.RequestUri.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlHere_GoesBackThere()
    {
        var agent = await app.CreateAccountAsync(RapportRoles.Agent);

        var page = await app.AnonymousClient().SignInAsync(agent.Email, agent.Password, "/signin?returnUrl=%2Faccount%2Ftokens");

        Assert.Equal("/account/tokens", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Portal_Anonymous_IsSentToSignIn()
    {
        var response = await app.AnonymousClient(followRedirects: false).GetAsync("/portal");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains("portal", Uri.UnescapeDataString(response.Headers.Location.Query), StringComparison.Ordinal);
    }
}

public sealed class SignInTests_Sqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTests_Postgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
