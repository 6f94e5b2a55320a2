using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Catalog.Domain;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Catalog;

/// <summary>Managing the catalog through the API: administrators only, all or nothing, never over someone else's change.</summary>
public abstract class CatalogApiTests(RapportApp app) : IAsyncLifetime
{
    private static readonly string[] Colours = ["Oak", "White"];
    private static readonly string[] YesNo = ["Yes", "No"];

    protected HttpClient Admin { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        Admin = await app.CatalogAdminApiAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> AddAsync(object body)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/services", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<string> Keys(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(f => f.GetProperty("key").GetString()!);

    [Fact]
    public async Task AddService_WithItsForm_Answers201_AndRequestersCanUseItAtOnce()
    {
        var key = $"standing-desk-{CatalogIntents.Unique()}";

        var response = await Admin.PostAsJsonAsync("/api/v1/services", new
        {
            departmentId = await app.DepartmentIdAsync("facilities"),
            key,
            name = "A standing desk",
            description = "We bring it and set it up.",
            category = "Furniture",
            defaultType = "request",
            isPublished = true,
            fields = new object[]
            {
                new { key = "room", label = "Which room?", kind = "text", required = true, maxLength = 40 },
                new { key = "height", label = "Your height in cm", kind = "number", min = 120, max = 220 },
                new { key = "colour", label = "Colour", kind = "choice", options = Colours },
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var service = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = service.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/services/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal((key, 1), (service.GetProperty("key").GetString(), service.GetProperty("version").GetInt32()));
        Assert.Equal(["room", "height", "colour"], Keys(service, "fields"));

        var requester = await app.ApiClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        var listed = (await requester.GetFromJsonAsync<JsonElement>("/api/v1/services")).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);
        Assert.Equal("A standing desk", listed.GetProperty("name").GetString());
        var ticket = await requester.PostAsJsonAsync("/api/v1/tickets", new
        {
            serviceId = id, subject = "For my back", fields = new Dictionary<string, string> { ["room"] = "B2.14", ["height"] = "185" },
        });
        Assert.Equal(HttpStatusCode.Created, ticket.StatusCode);
        var events = (await app.EventsAsync()).Where(e => e.CaseId == id.ToString()).Select(e => e.Type);
        Assert.Equal(["catalog.service-added", "catalog.request-form-changed"], events);
    }

    [Fact]
    public async Task AddService_WithBadInput_Is400NamingEachField_AndStoresNothing()
    {
        var services = await app.ServiceCountAsync();
        var events = await app.EventCountAsync();

        var response = await Admin.PostAsJsonAsync("/api/v1/services", new
        {
            key = "new-laptop",
            name = "",
            defaultType = "wish",
            fields = new object?[]
            {
                new { key = "size", label = "Size", kind = "choice" },
                new { key = "count", label = "How many", kind = "number", min = 5, max = 1 },
                new { key = "size", label = "Size again", kind = "text" },
                null,
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "departmentId", "key", "name", "defaultType", "fields[0].options", "fields[1].max", "fields[2].key", "fields[3].label" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Contains("A new or replacement laptop", errors.GetProperty("key")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(services, await app.ServiceCountAsync());
        Assert.Equal(events, await app.EventCountAsync());
    }

    [Fact]
    public async Task ChangeService_ReplacesItsDetailsAndForm_AndAnswersTheNewVersion()
    {
        var added = await AddAsync(new
        {
            departmentId = await app.DepartmentIdAsync("it"),
            name = $"A headset {CatalogIntents.Unique()}",
            fields = new object[] { new { key = "model", label = "Model", kind = "text" } },
        });
        var id = added.GetProperty("id").GetGuid();

        var response = await Admin.PutAsJsonAsync($"/api/v1/services/{id}", new
        {
            version = added.GetProperty("version").GetInt32(),
            departmentId = await app.DepartmentIdAsync("hr"),
            name = "A headset for calls",
            category = "Hardware",
            defaultType = "incident",
            isPublished = true,
            fields = new object[]
            {
                new { key = "wireless", label = "Wireless?", kind = "choice", options = YesNo, required = true },
                new { key = "model", label = "Which model?", kind = "text" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        Assert.Equal(["wireless", "model"], Keys(changed, "fields"));
        var stored = await app.StoredServiceAsync(id);
        Assert.Equal(("A headset for calls", "incident", true, await app.DepartmentIdAsync("hr")), (stored.Name, stored.DefaultType, stored.IsPublished, stored.DepartmentId));
        Assert.Equal("Which model?", stored.Fields[1].Label);
        Assert.Single(await app.EventsAsync("catalog.service-changed"), e => e.CaseId == id.ToString());
        Assert.Equal(2, (await app.EventsAsync("catalog.request-form-changed")).Count(e => e.CaseId == id.ToString()));

        var keptForm = await Admin.PutAsJsonAsync($"/api/v1/services/{id}", new { version = 2, departmentId = stored.DepartmentId, name = "A headset" });
        Assert.Equal(HttpStatusCode.OK, keptForm.StatusCode);
        Assert.Equal(["wireless", "model"], (await app.StoredServiceAsync(id)).Fields.Select(f => f.Key));
    }

    [Fact]
    public async Task ChangeService_WithAnOldVersion_Is409ProblemDetails_AndChangesNothing()
    {
        var added = await AddAsync(new { departmentId = await app.DepartmentIdAsync("it"), name = $"A webcam {CatalogIntents.Unique()}" });
        var id = added.GetProperty("id").GetGuid();
        var department = added.GetProperty("departmentId").GetGuid();
        var first = await Admin.PutAsJsonAsync($"/api/v1/services/{id}", new { version = 1, departmentId = department, name = "First editor's name" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await Admin.PutAsJsonAsync($"/api/v1/services/{id}", new
        {
            version = 1, departmentId = department, name = "Second editor's name", fields = new object[] { new { key = "x", label = "X", kind = "text" } },
        });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("concurrent-edit", problem.GetProperty("code").GetString());
        Assert.Contains("changed by someone else", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await app.StoredServiceAsync(id);
        Assert.Equal(("First editor's name", 2), (stored.Name, stored.Version));
        Assert.Empty(stored.Fields);
    }

    [Fact]
    public async Task ChangeService_WithoutAVersionOrWithAnotherKey_Is400()
    {
        var added = await AddAsync(new { departmentId = await app.DepartmentIdAsync("it"), name = $"A mouse {CatalogIntents.Unique()}" });
        var id = added.GetProperty("id").GetGuid();

        var response = await Admin.PutAsJsonAsync($"/api/v1/services/{id}", new { departmentId = added.GetProperty("departmentId").GetGuid(), name = "A mouse", key = "another-key" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("version", out _), errors.ToString());
        Assert.Contains("never changes", errors.GetProperty("key")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PutAsJsonAsync($"/api/v1/services/{Guid.NewGuid()}", new { version = 1, name = "Ghost" })).StatusCode);
    }

    [Fact]
    public async Task Drafts_AreHiddenFromTheCatalog_ButAdministratorsFindThem()
    {
        var draft = (await AddAsync(new { departmentId = await app.DepartmentIdAsync("it"), name = $"A draft {CatalogIntents.Unique()}" })).GetProperty("id").GetGuid();
        var requester = await app.ApiClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));

        var forRequester = await requester.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var forAdmin = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/services?includeUnpublished=true");

        Assert.DoesNotContain(forRequester.EnumerateArray(), s => s.GetProperty("id").GetGuid() == draft);
        Assert.Contains(forAdmin.EnumerateArray(), s => s.GetProperty("id").GetGuid() == draft);
        Assert.Equal(HttpStatusCode.NotFound, (await requester.GetAsync($"/api/v1/services/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"/api/v1/services/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await requester.GetAsync("/api/v1/services?includeUnpublished=true")).StatusCode);
    }

    [Theory]
    [InlineData(RapportRoles.Agent)]
    [InlineData(RapportRoles.Requester)]
    [InlineData(RapportRoles.TeamLead)]
    public async Task NotAnAdministrator_Gets403_AndChangesNothing(string role)
    {
        var id = await app.GivenServiceAsync();
        var other = await app.ApiClientAsync(await app.CreateAccountAsync(role));
        var services = await app.ServiceCountAsync();
        var department = await app.DepartmentIdAsync("it");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/services", new { departmentId = department, name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/v1/services/{id}", new { version = 1, departmentId = department, name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/priority-matrix")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync("/api/v1/priority-matrix", new { cells = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/services")).StatusCode);
        Assert.Equal(services, await app.ServiceCountAsync());
        Assert.NotEqual("Mine", (await app.StoredServiceAsync(id)).Name);
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        var anonymous = app.AnonymousClient(followRedirects: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/services", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/priority-matrix")).StatusCode);
    }

    [Fact]
    public async Task ApiDocument_ListsTheFieldKinds_AndShowsAnExampleService()
    {
        var document = await app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var add = document.GetProperty("paths").GetProperty("/api/v1/services").GetProperty("post");
        Assert.All(FieldKinds.All, kind => Assert.Contains(kind, add.GetProperty("description").GetString(), StringComparison.Ordinal));
        var example = add.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("standing-desk", example.GetProperty("key").GetString());
        Assert.Equal(3, example.GetProperty("fields").GetArrayLength());
        var matrix = document.GetProperty("paths").GetProperty("/api/v1/priority-matrix").GetProperty("put")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal(9, matrix.GetProperty("cells").GetArrayLength());
    }
}

public sealed class CatalogApiTests_Sqlite(SqliteApp app) : CatalogApiTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogApiTests_Postgres(PostgresApp app) : CatalogApiTests(app), IClassFixture<PostgresApp>;
