using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Catalog.Domain;
using Rapport.Organisation.Contracts;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Catalog;

/// <summary>What an administrator did to the catalog before a test looks, in the test's words.</summary>
internal static class CatalogIntents
{
    /// <summary>A short token that keeps one test's names apart from the others' in a shared database.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    public static async Task<HttpClient> CatalogAdminBrowserAsync(this RapportApp app) =>
        await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator));

    public static async Task<HttpClient> CatalogAdminApiAsync(this RapportApp app) =>
        await app.ApiClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator));

    public static async Task<Guid> DepartmentIdAsync(this RapportApp app, string key) =>
        (await app.ScopeAsync(sp => sp.GetRequiredService<IOrganisationDirectory>().ListDepartmentsAsync(CancellationToken.None)))
            .Single(d => d.Key == key).Id;

    /// <summary>A draft service of IT with no questions, added through the API.</summary>
    public static async Task<Guid> GivenServiceAsync(this RapportApp app, string? name = null, bool published = false, object[]? fields = null)
    {
        var admin = await app.CatalogAdminApiAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/services", new
        {
            departmentId = await app.DepartmentIdAsync("it"),
            name = name ?? $"A docking station {Unique()}",
            category = "Hardware",
            isPublished = published,
            fields = fields ?? [],
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<Service> StoredServiceAsync(this RapportApp app, Guid id) =>
        app.QueryAsync(db => db.Set<Service>().AsNoTracking().SingleAsync(s => s.Id == id));

    public static Task<int> ServiceCountAsync(this RapportApp app) =>
        app.QueryAsync(db => db.Set<Service>().CountAsync());

    public static async Task<int> EventCountAsync(this RapportApp app, string prefix = "catalog.") =>
        (await app.EventsAsync()).Count(e => e.Type.StartsWith(prefix, StringComparison.Ordinal));
}
