using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Accounts;

public abstract class ApiTokensPageTests(RapportApp app)
{
    [Fact]
    public async Task TokensPage_CreatedTokenWorksAgainstTheApi_AndRevokingItOnThePageStopsIt()
    {
        var requester = await app.CreateAccountAsync(RapportRoles.Requester);
        var browser = await app.SignedInClientAsync(requester);

        var response = await browser.SubmitFormAsync("/account/tokens", "#create-token", new() { ["NewToken.Name"] = "spreadsheet" });

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var page = await response.ParseAsync();
        var secret = page.Text("#new-token");
        Assert.StartsWith("rpt_", secret, StringComparison.Ordinal);
        Assert.Contains($"Authorization: Bearer {secret}", page.Text("#issued"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#issued a[href='/api/reference']"));
        var api = app.AnonymousClient(followRedirects: false);
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(requester.Email, me.GetProperty("email").GetString());

        var listed = await browser.GetPageAsync("/account/tokens");
        Assert.Null(listed.QuerySelector("#new-token"));
        Assert.DoesNotContain(secret, listed.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("spreadsheet", listed.Text($"tr[data-hint='{secret[..10]}'] td"));

        var revoked = await (await browser.SubmitFormAsync("/account/tokens", $"tr[data-hint='{secret[..10]}'] form.revoke", new())).ParseAsync();

        Assert.Contains("revoked", revoked.Text("#done"), StringComparison.Ordinal);
        Assert.Contains("Revoked", revoked.Text($"tr[data-hint='{secret[..10]}']"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task TokensPage_ListsOnlyMyTokens_NewestFirst()
    {
        var me = await app.CreateAccountAsync(RapportRoles.Agent);
        var someoneElse = await app.CreateAccountAsync(RapportRoles.Agent);
        await app.ApiClientAsync(someoneElse);
        var browser = await app.SignedInClientAsync(me);
        await browser.SubmitFormAsync("/account/tokens", "#create-token", new() { ["NewToken.Name"] = "first" });
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await browser.SubmitFormAsync("/account/tokens", "#create-token", new() { ["NewToken.Name"] = "second" });

        var page = await browser.GetPageAsync("/account/tokens");

        Assert.Equal(["second", "first"], page.QuerySelectorAll("#tokens tbody tr td:first-child").Select(td => td.TextContent));
    }

    [Fact]
    public async Task TokensPage_TokenWithoutName_SaysWhatToType()
    {
        var browser = await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Requester));

        var page = await (await browser.SubmitFormAsync("/account/tokens", "#create-token", new() { ["NewToken.Name"] = "  " })).ParseAsync();

        Assert.Contains("Give the token a name", page.Text("#create-token .validation-message"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#new-token"));
        Assert.NotNull(page.QuerySelector("#no-tokens"));
    }
}

public sealed class ApiTokensPageTests_Sqlite(SqliteApp app) : ApiTokensPageTests(app), IClassFixture<SqliteApp>;

public sealed class ApiTokensPageTests_Postgres(PostgresApp app) : ApiTokensPageTests(app), IClassFixture<PostgresApp>;
