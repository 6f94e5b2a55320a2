using Rapport.Platform.Events;
using Rapport.Platform.Web.Areas;
using Rapport.Webhooks.Api;
using Rapport.Webhooks.Features;
using Rapport.Webhooks.Jobs;
using Rapport.Webhooks.Pages;
using Rapport.Webhooks.Subscriptions;

namespace Rapport.Webhooks;

/// <summary>Webhooks: events from the log, POSTed to subscribers' URLs, signed, retried, logged.</summary>
public static class WebhooksModule
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhooksOptions>()
            .Bind(builder.Configuration.GetSection(WebhooksOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookAddressGuard>();
        services.AddScoped<WebhookInputCheck>();
        services.AddScoped<AddWebhookHandler>();
        services.AddScoped<EditWebhookHandler>();
        services.AddScoped<PauseWebhookHandler>();
        services.AddScoped<RotateWebhookSecretHandler>();
        services.AddScoped<DeleteWebhookHandler>();
        services.AddScoped<RetryWebhookDeliveryHandler>();
        services.AddScoped<WebhookQueries>();

        services.AddScoped<ActiveWebhooks>();
        services.AddEventSubscriber<OnAnyEvent>();

        services.AddHttpClient(SendWebhooksJob.HttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhooksOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                // A proxy would make the connection, unchecked: webhooks go direct to checked addresses.
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookAddressGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            // Webhook URLs often carry a token of the receiver's: keep them out of the request logs.
            .RemoveAllLoggers();
        services.AddSingleton<SendWebhooksJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SendWebhooksJob>());

        services.AddAreaSection<AdminWebhooksCard>(Area.Admin, order: 70);
        return builder;
    }

    public static WebApplication MapWebhooks(this WebApplication app)
    {
        app.MapWebhooksApi();
        return app;
    }
}
