using System.Text;
using Rapport.Mail.Api;
using Rapport.Mail.Features;
using Rapport.Mail.Jobs;
using Rapport.Mail.Pages;
using Rapport.Mail.Subscriptions;
using Rapport.Platform.Cli;
using Rapport.Platform.Events;
using Rapport.Platform.Web.Areas;

namespace Rapport.Mail;

/// <summary>Mail: tickets opened and answered by e-mail, and notices sent about them.</summary>
public static class MailModule
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        // Mail still arrives in Windows and ISO code pages (windows-1252, Shift_JIS, ks_c_5601-1987).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        var services = builder.Services;
        services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<MailboxSecrets>();
        services.AddScoped<ReceiveMail>();
        services.AddScoped<ProcessMail>();
        services.AddScoped<SaveMailboxHandler>();
        services.AddCliCommand<IngestMailCommand>();

        services.AddEventSubscriber<OnTicketNews>();
        services.AddSingleton<SendMailJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SendMailJob>());

        services.AddSingleton<FetchMailJob>();
        services.AddHostedService(sp => sp.GetRequiredService<FetchMailJob>());

        services.AddSingleton<FinishReceivedMailJob>();
        services.AddHostedService(sp => sp.GetRequiredService<FinishReceivedMailJob>());
        services.AddAreaSection<AdminMailCard>(Area.Admin, order: 75);
        return builder;
    }

    public static WebApplication MapMail(this WebApplication app)
    {
        app.MapInboundMailApi();
        return app;
    }
}
