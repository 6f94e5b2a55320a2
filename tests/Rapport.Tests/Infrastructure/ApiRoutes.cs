using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Tests.Infrastructure;

public static class ApiRoutes
{
    /// <summary>Every /api/v1 route the app maps, in OpenAPI path form.</summary>
    public static IReadOnlyList<string> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'))
            .Where(p => p.StartsWith("/api/v1/", StringComparison.Ordinal) || p == "/api/v1")
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{([^}:?]+)[^}]*\}", "{$1}"))
            .Distinct()];
}
