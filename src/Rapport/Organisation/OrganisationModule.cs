using Rapport.Organisation.Api;
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

        services.AddScoped<AddDepartmentHandler>();
        services.AddScoped<EditDepartmentHandler>();
        services.AddScoped<ArchiveDepartmentHandler>();
        services.AddScoped<RestoreDepartmentHandler>();
        services.AddScoped<ListDepartmentsHandler>();
        services.AddScoped<GetDepartmentHandler>();

        services.AddScoped<AddTeamHandler>();
        services.AddScoped<EditTeamHandler>();
        services.AddScoped<ArchiveTeamHandler>();
        services.AddScoped<RestoreTeamHandler>();
        services.AddScoped<ListTeamsHandler>();
        services.AddScoped<GetTeamHandler>();

        services.AddScoped<AddBusinessUnitHandler>();
        services.AddScoped<EditBusinessUnitHandler>();
        services.AddScoped<ArchiveBusinessUnitHandler>();
        services.AddScoped<RestoreBusinessUnitHandler>();
        services.AddScoped<ListBusinessUnitsHandler>();
        services.AddScoped<GetBusinessUnitHandler>();

        services.AddScoped<AddPersonHandler>();
        services.AddScoped<IPeopleEnrolment, PeopleEnrolment>();
        services.AddScoped<EditPersonHandler>();
        services.AddScoped<ListPeopleHandler>();
        services.AddScoped<GetPersonHandler>();
        services.AddScoped<FindPeopleToAddHandler>();

        services.AddScoped<AddPersonToTeamHandler>();
        services.AddScoped<RemovePersonFromTeamHandler>();
        services.AddScoped<SetTeamLeadHandler>();
        return builder;
    }

    public static WebApplication MapOrganisation(this WebApplication app)
    {
        app.MapOrganisationExports();
        return app;
    }
}
