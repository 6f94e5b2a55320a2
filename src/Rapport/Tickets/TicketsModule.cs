using Rapport.Platform.Demo;
using Rapport.Platform.Web.Areas;
using Rapport.Tickets.Api;
using Rapport.Tickets.Pages.Areas;
using Rapport.Tickets.Features;

namespace Rapport.Tickets;

/// <summary>Tickets: their lifecycle, conversation and assignment; the portal's requests and the desk's queues.</summary>
public static class TicketsModule
{
    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TicketsOptions>()
            .Bind(builder.Configuration.GetSection(TicketsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<TicketViewers>();
        services.AddScoped<TicketChanges>();
        services.AddScoped<OpenTicketHandler>();
        services.AddScoped<RouteNewTicket>();
        services.AddScoped<ManageRoutingRules>();
        services.AddScoped<WorkOnTicket>();
        services.AddScoped<TicketQueries>();
        services.AddScoped<TicketRelationQueries>();
        services.AddScoped<WatchTicket>();
        services.AddScoped<LinkTickets>();
        services.AddScoped<MergeTickets>();
        services.AddScoped<TagTickets>();
        services.AddDemoSeed<TicketsDemoSeed>();
        services.AddAreaSection<AdminRoutingCard>(Area.Admin, order: 60);
        return builder;
    }

    public static WebApplication MapTickets(this WebApplication app)
    {
        app.MapTicketsApi();
        app.MapTicketRelationsApi();
        app.MapQueueExport();
        return app;
    }
}
