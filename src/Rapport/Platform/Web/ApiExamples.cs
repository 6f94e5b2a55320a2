using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rapport.Platform.Web;

/// <summary>An example request body and answer of an endpoint, shown in the OpenAPI document.</summary>
public sealed record ApiExample(object? Request, int Status, object? Response);

public static class ApiExamples
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Shows <paramref name="request"/> and the answer <paramref name="response"/> (with its status) in the API reference.</summary>
    public static RouteHandlerBuilder WithExample(this RouteHandlerBuilder endpoint, object? request, int status, object? response) =>
        endpoint.WithMetadata(new ApiExample(request, status, response));

    internal static JsonNode? ToJson(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Json);
}

/// <summary>Copies each endpoint's <see cref="ApiExample"/> into its operation: the request body and the answer of that status.</summary>
internal sealed class ApiExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiExample>().LastOrDefault();
        if (example is null)
        {
            return Task.CompletedTask;
        }

        if (ApiExamples.ToJson(example.Request) is { } request && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = request;
            }
        }

        var status = example.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ApiExamples.ToJson(example.Response) is { } response && operation.Responses?.TryGetValue(status, out var answer) == true
            && answer.Content is { } responseContent)
        {
            foreach (var media in responseContent.Values)
            {
                media.Example = response;
            }
        }

        return Task.CompletedTask;
    }
}
