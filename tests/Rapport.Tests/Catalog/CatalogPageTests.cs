using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Domain;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Catalog;

/// <summary>The catalog's admin pages: services by department, their details, publishing, and their history.</summary>
public abstract class CatalogPageTests(RapportApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.GivenDemoCatalogAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AddService_ThroughThePage_OpensItsPage_AndListsItUnderItsDepartmentAsADraft()
    {
        var admin = await app.CatalogAdminBrowserAsync();
        var it = await app.DepartmentIdAsync("it");
        var name = $"An ergonomic chair {CatalogIntents.Unique()}";

        var response = await admin.SubmitFormAsync("/admin/catalog", "#add-service", new()
        {
            ["departmentId"] = it.ToString(),
            ["name"] = name,
            ["category"] = "Furniture",
            ["defaultType"] = DefaultTypes.Request,
            ["description"] = "For your back's sake.",
        });

        var page = await response.ParseAsync();
        var id = Guid.Parse(response.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
        Assert.Contains("The service is added", page.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Draft", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("added the service", page.QuerySelector("#history")?.TextContent, StringComparison.Ordinal);
        var stored = await app.StoredServiceAsync(id);
        Assert.Equal((UrlSafeKey.From(name, 60), "Furniture", false), (stored.Key, stored.Category, stored.IsPublished));

        var list = await admin.GetPageAsync("/admin/catalog");
        var row = list.QuerySelector($"section[data-department='{it}'] tr[data-service='{id}']");
        Assert.NotNull(row);
        Assert.Contains("Draft", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 fields", row.TextContent, StringComparison.Ordinal);
        Assert.Single(await app.EventsAsync("catalog.service-added"), e => e.CaseId == id.ToString());
    }

    [Fact]
    public async Task AddService_WithATakenKeyAndMissingParts_ShowsEachProblemNextToItsInput_AndStoresNothing()
    {
        var admin = await app.CatalogAdminBrowserAsync();
        var before = await app.ServiceCountAsync();

        var response = await admin.SubmitFormAsync("/admin/catalog", "#add-service", new() { ["departmentId"] = "", ["name"] = "", ["key"] = "new-laptop" });

        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector("#add-errors[role=alert]"));
        Assert.Contains("belongs to the service “A new or replacement laptop”", page.QuerySelector("#add-key-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Give the service a name", page.QuerySelector("#add-name-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose the department", page.QuerySelector("#add-departmentid-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("new-laptop", page.QuerySelector<IHtmlInputElement>("#add-key")?.Value);
        Assert.Equal(before, await app.ServiceCountAsync());
    }

    [Fact]
    public async Task EditService_AfterSomeoneElseSaved_ShowsTheirVersion_KeepsYours_AndSavesOnlyWhenAskedAgain()
    {
        var id = await app.GivenServiceAsync();
        var mine = await app.CatalogAdminBrowserAsync();
        var theirs = await app.CatalogAdminBrowserAsync();
        var myForm = (await mine.GetPageAsync($"/admin/catalog/{id}")).QuerySelector<IHtmlFormElement>("#edit-service")!;

        var saved = await theirs.SubmitFormAsync($"/admin/catalog/{id}", "#edit-service", new() { ["name"] = "Their name" });
        Assert.Contains("Your changes are saved", (await saved.ParseAsync()).QuerySelector("#done")?.TextContent, StringComparison.Ordinal);

        var conflict = await mine.SubmitAsync(myForm, new() { ["name"] = "My name", ["category"] = "Desks" });

        var page = await conflict.ParseAsync();
        var notice = page.QuerySelector("#conflict");
        Assert.Equal("alert", notice?.GetAttribute("role"));
        Assert.Contains("Their name", notice?.TextContent, StringComparison.Ordinal);
        Assert.Equal("My name", page.QuerySelector<IHtmlInputElement>("#edit-name")?.Value);
        Assert.Equal("Desks", page.QuerySelector<IHtmlInputElement>("#edit-category")?.Value);
        Assert.Equal("Their name", (await app.StoredServiceAsync(id)).Name);

        var again = await mine.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#edit-service")!, []);
        var after = await again.ParseAsync();
        Assert.Contains("Your changes are saved", after.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(("My name", "Desks"), ((await app.StoredServiceAsync(id)).Name, (await app.StoredServiceAsync(id)).Category));
        Assert.Contains("renamed it to “Their name”", after.QuerySelector("#history")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("renamed it to “My name” and put it in the category “Desks”", after.QuerySelector("#history")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAndUnpublish_PutTheServiceOnAndOffThePortal()
    {
        var id = await app.GivenServiceAsync();
        var key = (await app.StoredServiceAsync(id)).Key;
        var admin = await app.CatalogAdminBrowserAsync();
        var requester = await app.SignedInClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        Assert.Equal(HttpStatusCode.NotFound, (await requester.GetAsync($"/portal/new/{key}")).StatusCode);

        var published = await (await admin.SubmitFormAsync($"/admin/catalog/{id}", "#publish-service", [])).ParseAsync();

        Assert.Contains("Published", published.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(published.QuerySelector($"a[href='/portal/new/{key}']"));
        Assert.Equal(HttpStatusCode.OK, (await requester.GetAsync($"/portal/new/{key}")).StatusCode);

        var unpublished = await (await admin.SubmitFormAsync($"/admin/catalog/{id}", "#publish-service", [])).ParseAsync();

        Assert.Contains("off the portal", unpublished.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await requester.GetAsync($"/portal/new/{key}")).StatusCode);
        var history = unpublished.QuerySelectorAll("#history li").Select(li => li.TextContent).ToList();
        Assert.Contains(history, h => h.Contains("published it on the portal", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("took it off the portal", StringComparison.Ordinal));
        Assert.Equal(2, (await app.EventsAsync("catalog.service-changed")).Count(e => e.CaseId == id.ToString()));
    }

    [Fact]
    public async Task AdminHome_HasACatalogCard()
    {
        var admin = await app.CatalogAdminBrowserAsync();

        var home = await admin.GetPageAsync("/admin");

        Assert.NotNull(home.QuerySelector("#card-catalog a[href='/admin/catalog']"));
        Assert.NotNull(home.QuerySelector("#card-catalog a[href='/admin/catalog/priorities']"));
        var published = await app.QueryAsync(db => db.Set<Service>().CountAsync(s => s.IsPublished));
        Assert.Equal(published.ToString(System.Globalization.CultureInfo.InvariantCulture), home.QuerySelector("#card-catalog .stat")?.TextContent);
    }

    [Theory]
    [InlineData(RapportRoles.Agent)]
    [InlineData(RapportRoles.Requester)]
    [InlineData(RapportRoles.TeamLead)]
    public async Task CatalogAdminPages_ForAnyoneButAnAdministrator_ShowTheNotForYourRolePage(string role)
    {
        var id = await app.GivenServiceAsync();
        var browser = await app.SignedInClientAsync(await app.CreateAccountAsync(role));

        foreach (var address in new[] { "/admin/catalog", $"/admin/catalog/{id}", $"/admin/catalog/{id}/form", "/admin/catalog/priorities" })
        {
            var response = await browser.GetAsync(address);

            Assert.Equal("/denied", response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.DoesNotContain("docking station", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CatalogAdminPages_ForAnonymous_RedirectToSignIn()
    {
        var response = await app.AnonymousClient(followRedirects: false).GetAsync("/admin/catalog");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task UnknownService_Is404()
    {
        var admin = await app.CatalogAdminBrowserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/catalog/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/catalog/{Guid.NewGuid()}/form")).StatusCode);
    }
}

public sealed class CatalogPageTests_Sqlite(SqliteApp app) : CatalogPageTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogPageTests_Postgres(PostgresApp app) : CatalogPageTests(app), IClassFixture<PostgresApp>;
