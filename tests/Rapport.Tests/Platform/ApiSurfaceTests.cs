using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

public abstract class ApiSurfaceTests(RapportApp app)
{
    [Fact]
    public async Task Health_AnswersOk_WhenTheDatabaseAnswers()
    {
        var response = await app.AnonymousClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Me_WithoutToken_Is401ProblemDetails()
    {
        var response = await app.AnonymousClient(followRedirects: false).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Me_WithRevokedOrUnknownToken_Is401()
    {
        var client = app.AnonymousClient(followRedirects: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "rpt_not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Me_WithToken_AnswersTheAccountAndItsRoles()
    {
        var agent = await app.CreateAccountAsync(RapportRoles.Agent, name: "Tom Becker");
        var client = await app.ApiClientAsync(agent);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(agent.Id, me.GetProperty("id").GetGuid());
        Assert.Equal(agent.Email, me.GetProperty("email").GetString());
        Assert.Equal("Tom Becker", me.GetProperty("displayName").GetString());
        Assert.Equal([RapportRoles.Agent], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task CookieSignIn_DoesNotOpenTheApi()
    {
        var requester = await app.CreateAccountAsync(RapportRoles.Requester);
        var browser = await app.SignedInClientAsync(requester);

        var response = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiRoute_Is404ProblemDetails()
    {
        var agent = await app.CreateAccountAsync(RapportRoles.Agent);
        var client = await app.ApiClientAsync(agent);

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_IsOpenApi3_AndListsEveryApiRoute()
    {
        var document = await app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var routes = ApiRoutes.All(app.Services);
        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.Contains(route, paths));
        Assert.All(paths, path => Assert.StartsWith("/api/v1/", path + "/"));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task OpenApiDocument_ShowsExamples_OfTheTicketContract()
    {
        var document = await app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var open = document.GetProperty("paths").GetProperty("/api/v1/tickets").GetProperty("post");
        var request = open.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var answer = open.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("Laptop does not start", request.GetProperty("subject").GetString());
        Assert.True(request.TryGetProperty("serviceId", out _));
        Assert.Equal(JsonValueKind.Number, answer.GetProperty("id").ValueKind);
        Assert.Equal("new", answer.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ApiReferencePage_IsServed()
    {
        var response = await app.AnonymousClient().GetAsync("/api/reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TokenLifecycle_CreateListRevoke_RevokedTokenStopsWorking()
    {
        var agent = await app.CreateAccountAsync(RapportRoles.Agent);
        var client = await app.ApiClientAsync(agent);

        var created = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "reporting script" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = token.GetProperty("token").GetString()!;
        var id = token.GetProperty("id").GetGuid();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens");
        var listed = list.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.StartsWith(listed.GetProperty("hint").GetString()!, secret, StringComparison.Ordinal);

        var other = app.AnonymousClient(followRedirects: false);
        other.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task CreateToken_WithoutName_Is400NamingTheField()
    {
        var agent = await app.CreateAccountAsync(RapportRoles.Agent);
        var client = await app.ApiClientAsync(agent);

        var response = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }
}

public sealed class ApiSurfaceTests_Sqlite(SqliteApp app) : ApiSurfaceTests(app), IClassFixture<SqliteApp>;

public sealed class ApiSurfaceTests_Postgres(PostgresApp app) : ApiSurfaceTests(app), IClassFixture<PostgresApp>;
