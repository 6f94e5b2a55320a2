using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Catalog.Contracts;
using Rapport.Platform;

namespace Rapport.Catalog.Api;

internal static class CatalogApi
{
    public static void MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/services")
            .WithTags("Catalog")
            .RequireAuthorization(RapportPolicies.Api);
        api.MapGet("/", ListAsync)
            .WithName("ListServices")
            .WithSummary("List services")
            .WithDescription("The published services of the catalog, each with its id, department and request form.");
        api.MapGet("/{serviceId:guid}", GetAsync)
            .WithName("GetService")
            .WithSummary("Get a service")
            .WithDescription("One service with its request form.");
    }

    private static async Task<Ok<IReadOnlyList<ServiceDto>>> ListAsync(ICatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.ListServicesAsync(publishedOnly: true, ct));

    private static async Task<Results<Ok<ServiceDto>, NotFound>> GetAsync(Guid serviceId, ICatalog catalog, CancellationToken ct) =>
        await catalog.FindServiceAsync(serviceId, ct) is { IsPublished: true } service ? TypedResults.Ok(service) : TypedResults.NotFound();
}
