namespace Rapport.Webhooks;

/// <summary>Webhooks: events from the log, POSTed to subscribers' URLs, signed, retried, logged.</summary>
public static class WebhooksModule
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder) => builder;

    public static WebApplication MapWebhooks(this WebApplication app) => app;
}
