using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Platform;
using Rapport.Platform.Errors;
using Rapport.Platform.Web;
using Rapport.Webhooks.Domain;
using Rapport.Webhooks.Features;

namespace Rapport.Webhooks.Api;

public sealed record AddWebhookRequest(string? Name, string? Url, IReadOnlyList<string?>? EventTypes);

public sealed record EditWebhookRequest(string? Name, string? Url, IReadOnlyList<string?>? EventTypes, bool? IsActive, int? Version);

public sealed record WebhookDeliverySummaryResponse(Guid Id, Guid EventId, string EventType, string Status, int Attempts, int? LastStatusCode, DateTimeOffset CreatedAt);

public sealed record WebhookResponse(
    Guid Id, string Name, string Url, IReadOnlyList<string> EventTypes, bool IsActive, DateTimeOffset CreatedAt, int Version,
    int FailingDeliveries, WebhookDeliverySummaryResponse? LastDelivery)
{
    public static WebhookResponse From(WebhookSubscription w, WebhookDelivery? last = null, int failing = 0) => new(
        w.Id, w.Name, w.Url, w.EventTypes, w.IsActive, w.CreatedAt, w.Version, failing,
        last is null ? null : new(last.Id, last.EventId, last.EventType, last.Status, last.Attempts, last.LastStatusCode, last.CreatedAt));

    public static WebhookResponse From(WebhookSummary s) => From(s.Webhook, s.LastDelivery, s.Failing);
}

/// <summary>A webhook with its signing secret: only in the answer that made the secret.</summary>
public sealed record WebhookWithSecretResponse(
    Guid Id, string Name, string Url, IReadOnlyList<string> EventTypes, bool IsActive, DateTimeOffset CreatedAt, int Version, string Secret)
{
    public static WebhookWithSecretResponse From(WebhookWithSecret w) => new(
        w.Webhook.Id, w.Webhook.Name, w.Webhook.Url, w.Webhook.EventTypes, w.Webhook.IsActive, w.Webhook.CreatedAt, w.Webhook.Version, w.Secret);
}

public sealed record RotateSecretRequest(int? Version);

public sealed record WebhookDeliveryResponse(
    Guid Id, Guid EventId, string EventType, string Status, int Attempts, DateTimeOffset NextAttemptAt, int? LastStatusCode,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError, d.CreatedAt, d.DeliveredAt);
}

public sealed record WebhookDeliveryPageResponse(IReadOnlyList<WebhookDeliveryResponse> Items, string? Next);

public sealed record WebhookEventTypesResponse(IReadOnlyList<string> EventTypes, IReadOnlyList<string> NamedOnly);

internal static class WebhooksApi
{
    public static void MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/webhooks")
            .WithTags("Webhooks")
            .RequireAuthorization(RapportPolicies.Api)
            .RequireAuthorization(p => p.RequireRole(RapportRoles.Administrator));
        api.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("List webhooks")
            .WithDescription("Administrators only. Every webhook with its most recent delivery and how many deliveries are failing. Secrets are never shown again.");
        api.MapPost("/", AddAsync).WithName("AddWebhook").WithSummary("Add a webhook")
            .WithDescription(
                "Administrators only. `url` must be an absolute http(s) URL on a public address. `eventTypes` lists event names " +
                "(see `GET /api/v1/webhooks/event-types`) or `*` for every event; `tickets.internal-note-added` is sent only when named, never through `*`. " +
                "The answer holds the signing `secret` once and never again.");
        api.MapGet("/event-types", EventTypes).WithName("ListWebhookEventTypes").WithSummary("Event types a webhook can ask for")
            .WithDescription("Every event name, and those that are sent only when a webhook names them (`namedOnly`).");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("Get a webhook");
        api.MapPut("/{id:guid}", EditAsync).WithName("EditWebhook").WithSummary("Change a webhook")
            .WithDescription("Replaces `name`, `url` and `eventTypes`; `isActive: false` pauses it, `true` resumes it. Send `version` from the webhook you read: if someone changed it since, the answer is 409 and nothing changes.");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Delete a webhook")
            .WithDescription("Removes the webhook and its delivery log. Deliveries not yet sent are never sent.");
        api.MapPost("/{id:guid}/secret", RotateAsync).WithName("RotateWebhookSecret").WithSummary("Make a new signing secret")
            .WithDescription("Replaces the secret at once; every attempt from now on is signed with the new one. The answer holds it once and never again.");
        api.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").WithSummary("A webhook's delivery log")
            .WithDescription("Newest first, a page at a time. `status`: pending, delivered, failed (will be tried again) or gave-up. Pass `next` as `cursor` for the next page.");
        api.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/retry", RetryAsync).WithName("RetryWebhookDelivery").WithSummary("Send a failed delivery again now")
            .WithDescription("For failed and given-up deliveries: the sender tries it at its next round, without waiting for the back-off.");
    }

    private static async Task<Ok<IReadOnlyList<WebhookResponse>>> ListAsync(WebhookQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<WebhookResponse>>([.. (await queries.ListAsync(ct)).Select(WebhookResponse.From)]);

    private static Ok<WebhookEventTypesResponse> EventTypes() =>
        TypedResults.Ok(new WebhookEventTypesResponse([WebhookEventTypes.All, .. WebhookEventTypes.Known], [.. WebhookEventTypes.NamedOnly]));

    private static async Task<Results<Created<WebhookWithSecretResponse>, ProblemHttpResult>> AddAsync(
        AddWebhookRequest request, AddWebhookHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new AddWebhook(request.Name, request.Url, request.EventTypes), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/webhooks/{result.Value.Webhook.Id}", WebhookWithSecretResponse.From(result.Value))
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(Guid id, WebhookQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } summary
            ? TypedResults.Ok(WebhookResponse.From(summary))
            : WebhookRules.NotFound(id).ToProblem();

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> EditAsync(
        Guid id, EditWebhookRequest request, EditWebhookHandler handler, WebhookQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new EditWebhook(id, request.Version, request.Name, request.Url, request.EventTypes, request.IsActive), ct);
        return result.Succeeded
            ? TypedResults.Ok(await queries.GetAsync(id, ct) is { } summary ? WebhookResponse.From(summary) : WebhookResponse.From(result.Value))
            : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, DeleteWebhookHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<WebhookWithSecretResponse>, ProblemHttpResult>> RotateAsync(
        Guid id, RotateSecretRequest request, RotateWebhookSecretHandler handler, CancellationToken ct)
    {
        if (request.Version is not { } version)
        {
            return Invalid.Field("version", "Send the version of the webhook you read, so that nobody's change is lost.").ToProblem();
        }

        var result = await handler.HandleAsync(new RotateWebhookSecret(id, version), ct);
        return result.Succeeded ? TypedResults.Ok(WebhookWithSecretResponse.From(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<WebhookDeliveryPageResponse>, ProblemHttpResult>> DeliveriesAsync(
        Guid id, WebhookQueries queries, CancellationToken ct, string? status = null, string? cursor = null, int? size = null)
    {
        if (await queries.GetAsync(id, ct) is null)
        {
            return WebhookRules.NotFound(id).ToProblem();
        }

        if (status is not null && !DeliveryFilter.Statuses.Contains(status))
        {
            return Invalid.Field("status", $"Use one of {string.Join(", ", DeliveryFilter.Statuses)}, or leave it out for every delivery.").ToProblem();
        }

        var page = await queries.DeliveriesAsync(id, new DeliveryFilter(status, cursor, size), ct);
        return TypedResults.Ok(new WebhookDeliveryPageResponse([.. page.Items.Select(WebhookDeliveryResponse.From)], page.Next));
    }

    private static async Task<Results<Ok<WebhookDeliveryResponse>, ProblemHttpResult>> RetryAsync(
        Guid id, Guid deliveryId, RetryWebhookDeliveryHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, deliveryId, ct);
        return result.Succeeded ? TypedResults.Ok(WebhookDeliveryResponse.From(result.Value)) : result.Error.ToProblem();
    }
}
