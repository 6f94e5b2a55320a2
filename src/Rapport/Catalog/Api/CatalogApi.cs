using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Catalog.Contracts;
using Rapport.Catalog.Domain;
using Rapport.Catalog.Features;
using Rapport.Platform;
using Rapport.Platform.Errors;
using Rapport.Platform.Web;

namespace Rapport.Catalog.Api;

/// <summary>One question of a request form. <c>options</c> for choice and multi-choice, <c>min</c>/<c>max</c> for number, <c>maxLength</c> for text and long-text.</summary>
public sealed record FormFieldRequest(
    string? Key, string? Label, string? Kind, bool? Required, string? Help, IReadOnlyList<string?>? Options, decimal? Min, decimal? Max, int? MaxLength);

public sealed record AddServiceRequest(
    Guid? DepartmentId, string? Key, string? Name, string? Description, string? Category, string? DefaultType, bool? IsPublished,
    IReadOnlyList<FormFieldRequest?>? Fields);

public sealed record ChangeServiceRequest(
    int? Version, Guid? DepartmentId, string? Key, string? Name, string? Description, string? Category, string? DefaultType, bool? IsPublished,
    IReadOnlyList<FormFieldRequest?>? Fields);

public sealed record PriorityCellRequest(string? Impact, string? Urgency, string? Priority);

public sealed record ChangePriorityMatrixRequest(IReadOnlyList<PriorityCellRequest?>? Cells);

public sealed record PriorityCellResponse(string Impact, string Urgency, string Priority);

/// <param name="Levels">The levels of impact and of urgency, lowest first.</param>
/// <param name="Priorities">The priorities a cell can give, most pressing first.</param>
public sealed record PriorityMatrixResponse(IReadOnlyList<string> Levels, IReadOnlyList<string> Priorities, IReadOnlyList<PriorityCellResponse> Cells)
{
    public static PriorityMatrixResponse From(IReadOnlyDictionary<(string Impact, string Urgency), string> matrix) => new(
        Domain.Levels.All, Domain.Priorities.All,
        [.. matrix.Select(c => new PriorityCellResponse(c.Key.Impact, c.Key.Urgency, c.Value))]);
}

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
            .WithDescription("The published services of the catalog, each with its id, department, request form and version. Administrators may add `includeUnpublished=true` to see drafts too.");
        api.MapGet("/{serviceId:guid}", GetAsync)
            .WithName("GetService")
            .WithSummary("Get a service")
            .WithDescription("One service with its request form. A draft (unpublished) service is found by administrators only.");
        api.MapPost("/", AddAsync)
            .RequireAuthorization(p => p.RequireRole(RapportRoles.Administrator))
            .WithName("AddService")
            .WithSummary("Add a service")
            .WithDescription(
                "Administrators only. Adds a service to a department's catalog with its request form, all or nothing. `key` (lowercase letters, digits, dashes) " +
                "is the portal's address and never changes; it is made from `name` when left out. `defaultType`: incident, request (the default), question or complaint. " +
                "`isPublished` (default false) puts it on the portal at once. Field kinds: " + string.Join(", ", FieldKinds.All) + ".")
            .WithExample(CatalogExamples.AddService, StatusCodes.Status201Created, CatalogExamples.Service);
        api.MapPut("/{serviceId:guid}", ChangeAsync)
            .RequireAuthorization(p => p.RequireRole(RapportRoles.Administrator))
            .WithName("ChangeService")
            .WithSummary("Change a service and its request form")
            .WithDescription(
                "Administrators only. Replaces the details (`departmentId`, `name`, `description`, `category`, `defaultType`). `fields` replaces the whole request form, " +
                "in order; leave it out to keep the form. `isPublished` publishes or unpublishes; leave it out to keep it. Send `version` from the service you read: " +
                "if someone changed it since, the answer is 409 and nothing changes.")
            .WithExample(CatalogExamples.ChangeService, StatusCodes.Status200OK, CatalogExamples.Service with { Version = 2 });

        var matrix = routes.MapGroup("/api/v1/priority-matrix")
            .WithTags("Catalog")
            .RequireAuthorization(RapportPolicies.Api)
            .RequireAuthorization(p => p.RequireRole(RapportRoles.Administrator));
        matrix.MapGet("/", GetMatrixAsync)
            .WithName("GetPriorityMatrix")
            .WithSummary("The priority matrix")
            .WithDescription("Administrators only. The priority a new ticket gets for each impact × urgency (low, medium, high).");
        matrix.MapPut("/", ChangeMatrixAsync)
            .WithName("ChangePriorityMatrix")
            .WithSummary("Change the priority matrix")
            .WithDescription("Administrators only. Send all nine cells; they are saved together or not at all. Tickets already open keep their priority.")
            .WithExample(CatalogExamples.ChangeMatrix, StatusCodes.Status200OK, CatalogExamples.Matrix);
    }

    private static async Task<Results<Ok<IReadOnlyList<ServiceDto>>, ProblemHttpResult>> ListAsync(
        ICatalog catalog, ClaimsPrincipal user, CancellationToken ct, bool includeUnpublished = false)
    {
        if (includeUnpublished && !user.IsInRole(RapportRoles.Administrator))
        {
            return new ForbiddenError("catalog.drafts-for-administrators", "Only administrators see services that are not published yet.").ToProblem();
        }

        return TypedResults.Ok(await catalog.ListServicesAsync(publishedOnly: !includeUnpublished, ct));
    }

    private static async Task<Results<Ok<ServiceDto>, NotFound>> GetAsync(Guid serviceId, ICatalog catalog, ClaimsPrincipal user, CancellationToken ct) =>
        await catalog.FindServiceAsync(serviceId, ct) is { } service && (service.IsPublished || user.IsInRole(RapportRoles.Administrator))
            ? TypedResults.Ok(service)
            : TypedResults.NotFound();

    private static async Task<Results<Created<ServiceDto>, ProblemHttpResult>> AddAsync(
        AddServiceRequest request, AddServiceHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new AddService(
            request.Key,
            new ServiceDetails(request.DepartmentId, request.Name, request.Description, request.Category, request.DefaultType),
            request.IsPublished ?? false,
            Drafts(request.Fields) ?? []), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/services/{result.Value.Id}", CatalogQueries.ToDto(result.Value))
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ServiceDto>, ProblemHttpResult>> ChangeAsync(
        Guid serviceId, ChangeServiceRequest request, ChangeServiceHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new ChangeService(
            serviceId,
            request.Version,
            new ServiceDetails(request.DepartmentId, request.Name, request.Description, request.Category, request.DefaultType),
            request.IsPublished,
            Drafts(request.Fields),
            request.Key), ct);
        return result.Succeeded ? TypedResults.Ok(CatalogQueries.ToDto(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Ok<PriorityMatrixResponse>> GetMatrixAsync(CatalogAdminQueries queries, CancellationToken ct) =>
        TypedResults.Ok(PriorityMatrixResponse.From(await queries.MatrixAsync(ct)));

    private static async Task<Results<Ok<PriorityMatrixResponse>, ProblemHttpResult>> ChangeMatrixAsync(
        ChangePriorityMatrixRequest request, ChangePriorityMatrixHandler handler, CatalogAdminQueries queries, CancellationToken ct)
    {
        var cells = (request.Cells ?? []).Select(c => new PriorityCellInput(c?.Impact, c?.Urgency, c?.Priority)).ToList();
        var result = await handler.HandleAsync(new ChangePriorityMatrix(cells), ct);
        return result.Succeeded ? TypedResults.Ok(PriorityMatrixResponse.From(await queries.MatrixAsync(ct))) : result.Error.ToProblem();
    }

    private static List<FormFieldDraft>? Drafts(IReadOnlyList<FormFieldRequest?>? fields) =>
        fields?.Select(f => new FormFieldDraft(
            f?.Key, f?.Label, f?.Kind, f?.Required ?? false, f?.Help, f?.Options,
            f?.Min?.ToString(CultureInfo.InvariantCulture), f?.Max?.ToString(CultureInfo.InvariantCulture),
            f?.MaxLength?.ToString(CultureInfo.InvariantCulture))).ToList();
}
