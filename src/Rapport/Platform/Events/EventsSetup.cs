namespace Rapport.Platform.Events;

public static class EventsSetup
{
    public static IHostApplicationBuilder AddEventLog(this IHostApplicationBuilder builder, bool postgres)
    {
        var services = builder.Services;
        services.AddSingleton<EventSignal>();
        services.AddSingleton<EventLogGuard>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<EventLog>();
        services.AddSingleton<EventDispatcher>();
        if (postgres)
        {
            services.AddSingleton<IEventFeed, PostgresEventFeed>();
        }
        else
        {
            services.AddSingleton<IEventFeed, SqliteEventFeed>();
        }

        services.AddHostedService<EventDispatchLoop>();
        return builder;
    }

    /// <summary>Registers a module's reaction to events.</summary>
    public static IServiceCollection AddEventSubscriber<T>(this IServiceCollection services)
        where T : class, IEventSubscriber =>
        services.AddSingleton<IEventSubscriber, T>();
}
