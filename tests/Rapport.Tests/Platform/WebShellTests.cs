using System.Net;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

public abstract class WebShellTests(RapportApp app)
{
    [Theory]
    [InlineData("/_framework/blazor.web.js", "javascript")]
    [InlineData("/lib/htmx/htmx.min.js", "javascript")]
    [InlineData("/css/rapport.css", "text/css")]
    public async Task FrontEndAssets_AreServed(string path, string contentType)
    {
        var response = await app.AnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(contentType, response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Is404_WithAHelpfulPage()
    {
        var response = await app.AnonymousClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("We could not find that page", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task SignInPage_HasLandmarksLabelsAndASkipLink()
    {
        var page = await app.AnonymousClient().GetPageAsync("/signin");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.EndsWith("/signin#main", page.QuerySelector("a.skip-link")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
        foreach (var input in page.QuerySelectorAll("input:not([type=hidden])"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        }
    }

    [Fact]
    public async Task SignIn_WrongPassword_NeverSendsThePasswordBack()
    {
        var account = await app.CreateAccountAsync(Rapport.Platform.RapportRoles.Requester);

        var response = await app.AnonymousClient().SubmitFormAsync("/signin", "form", new()
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = "Wrong-but-secret-42",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("do not match", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-but-secret-42", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectedPage_Anonymous_IsSentToSignInWithTheWayBack()
    {
        var response = await app.AnonymousClient(followRedirects: false).GetAsync("/desk");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("desk", response.Headers.Location.Query, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class WebShellTests_Sqlite(SqliteApp app) : WebShellTests(app), IClassFixture<SqliteApp>;

public sealed class WebShellTests_Postgres(PostgresApp app) : WebShellTests(app), IClassFixture<PostgresApp>;
