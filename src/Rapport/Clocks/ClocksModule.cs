using Rapport.Clocks.Api;
using Rapport.Clocks.Contracts;
using Rapport.Clocks.Features;
using Rapport.Clocks.Jobs;
using Rapport.Clocks.Pages;
using Rapport.Clocks.Subscriptions;
using Rapport.Platform.Cli;
using Rapport.Platform.Demo;
using Rapport.Platform.Events;
using Rapport.Platform.Web.Areas;

namespace Rapport.Clocks;

/// <summary>Promises and clocks: what each service promises, on which calendar, and time kept against it.</summary>
public static class ClocksModule
{
    public static IHostApplicationBuilder AddClocks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClocksOptions>()
            .Bind(builder.Configuration.GetSection(ClocksOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<PromiseBook>();
        services.AddScoped<ClockReplay>();
        services.AddScoped<ITicketClocks, ClockQueries>();
        services.AddScoped<WatchClocks>();
        services.AddHostedService<WatchClocksJob>();
        services.AddEventSubscriber<OnTicketChanged>();
        services.AddEventSubscriber<OnTermsChanged>();
        services.AddScoped<PromiseQueries>();
        services.AddScoped<SaveCalendarHandler>();
        services.AddScoped<ChangeHolidaysHandler>();
        services.AddScoped<SavePromiseHandler>();
        services.AddScoped<RemovePromiseHandler>();
        services.AddAreaSection<AdminClocksCard>(Area.Admin, order: 25);
        services.AddCliCommand<RecomputeClocksCommand>();
        services.AddDemoSeed<ClocksDemoSeed>();
        return builder;
    }

    public static WebApplication MapClocks(this WebApplication app)
    {
        app.MapClocksApi();
        app.MapReadabilityFragment();
        return app;
    }
}
