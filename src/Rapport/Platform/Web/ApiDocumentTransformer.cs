using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rapport.Platform.Web;

/// <summary>Names the API and says how to authenticate: a bearer token made with <c>rapport token create</c> or on the Tokens page.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Rapport API";
        document.Info.Version = "v1";
        document.Info.Description =
            "The REST API of Rapport. Authenticate with `Authorization: Bearer <token>`; make a token on your " +
            "account's Tokens page or with `rapport token create --email E --name N`. Errors are RFC 9457 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "rpt_…",
            Description = "An API token of a Rapport account.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
