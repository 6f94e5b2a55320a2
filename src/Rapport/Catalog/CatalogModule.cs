using Rapport.Catalog.Api;
using Rapport.Catalog.Contracts;
using Rapport.Catalog.Features;
using Rapport.Catalog.Pages.Areas;
using Rapport.Platform.Demo;
using Rapport.Platform.Web.Areas;

namespace Rapport.Catalog;

/// <summary>Services, their request forms, and the priority matrix.</summary>
public static class CatalogModule
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ICatalog, CatalogQueries>();
        services.AddScoped<CatalogAdminQueries>();
        services.AddScoped<AddServiceHandler>();
        services.AddScoped<ChangeServiceHandler>();
        services.AddScoped<ChangePriorityMatrixHandler>();
        services.AddDemoSeed<CatalogDemoSeed>();
        services.AddAreaSection<AdminCatalogCard>(Area.Admin, order: 20);
        return builder;
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        app.MapCatalogApi();
        return app;
    }
}
