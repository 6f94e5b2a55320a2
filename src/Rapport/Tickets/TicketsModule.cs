using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Rapport.Platform.Demo;
using Rapport.Platform.Web.Areas;
using Rapport.Tickets.Api;
using Rapport.Tickets.Pages;
using Rapport.Tickets.Pages.Areas;
using Rapport.Tickets.Features;
using Rapport.Tickets.Subscriptions;
using Rapport.Platform.Events;

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
        // A message may carry several files: the server reads a body that large, and no larger.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<TicketsOptions>>((kestrel, tickets) =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(kestrel.Limits.MaxRequestBodySize ?? 0, tickets.Value.LargestMessageBytes));
        services.AddOptions<FormOptions>().Configure<IOptions<TicketsOptions>>((form, tickets) =>
            form.MultipartBodyLengthLimit = Math.Max(form.MultipartBodyLengthLimit, tickets.Value.LargestMessageBytes));
        services.AddScoped<TicketViewers>();
        services.AddScoped<TicketChanges>();
        services.AddScoped<OpenTicketHandler>();
        services.AddScoped<RouteNewTicket>();
        services.AddScoped<ManageRoutingRules>();
        services.AddScoped<WorkOnTicket>();
        services.AddScoped<Rapport.Tickets.Contracts.ITicketsByMail, TicketsByMail>();
        services.AddScoped<WorkOnSelectedTickets>();
        services.AddScoped<ManageSavedViews>();
        services.AddSingleton<SelectionOutcomeNote>();
        services.AddScoped<TicketQueries>();
        services.AddScoped<TicketFiles>();
        services.AddScoped<TicketRelationQueries>();
        services.AddScoped<WatchTicket>();
        services.AddScoped<LinkTickets>();
        services.AddScoped<MergeTickets>();
        services.AddScoped<TagTickets>();
        services.AddDemoSeed<TicketsDemoSeed>();
        services.AddEventSubscriber<OnPromiseClocks>();
        services.AddAreaSection<AdminRoutingCard>(Area.Admin, order: 60);
        services.AddAreaSection<DeskViewsSection>(Area.Desk, order: 20);
        services.AddAreaSection<DeskPromisesSection>(Area.Desk, order: 15);
        return builder;
    }

    public static WebApplication MapTickets(this WebApplication app)
    {
        app.MapTicketsApi();
        app.MapTicketRelationsApi();
        app.MapQueueExport();
        app.MapAttachmentDownloads();
        app.MapQueueTable();
        return app;
    }
}
