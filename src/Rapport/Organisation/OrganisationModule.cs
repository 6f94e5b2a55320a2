using Rapport.Organisation.Contracts;
using Rapport.Organisation.Features;
using Rapport.Organisation.Subscriptions;
using Rapport.Platform.Demo;
using Rapport.Platform.Events;

namespace Rapport.Organisation;

/// <summary>Departments (providers), teams, business units (customers) and people.</summary>
public static class OrganisationModule
{
    public static IHostApplicationBuilder AddOrganisation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();
        services.AddEventSubscriber<OnAccountCreated>();
        services.AddDemoSeed<OrganisationDemoSeed>();
        return builder;
    }

    public static WebApplication MapOrganisation(this WebApplication app) => app;
}
