using Rapport.Catalog.Api;
using Rapport.Catalog.Contracts;
using Rapport.Catalog.Features;
using Rapport.Platform.Demo;

namespace Rapport.Catalog;

/// <summary>Services, their request forms, and the priority matrix.</summary>
public static class CatalogModule
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICatalog, CatalogQueries>();
        builder.Services.AddDemoSeed<CatalogDemoSeed>();
        return builder;
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        app.MapCatalogApi();
        return app;
    }
}
