using Rapport.Accounts;
using Rapport.Bench;
using Rapport.Catalog;
using Rapport.Clocks;
using Rapport.Mail;
using Rapport.Organisation;
using Rapport.Platform;
using Rapport.Platform.Cli;
using Rapport.Tickets;
using Rapport.Webhooks;

return await RapportCommandLine.RunAsync(args, (arguments, forCommand) =>
{
    var builder = WebApplication.CreateBuilder(arguments);
    if (forCommand)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    }

    builder.AddPlatform();
    builder.AddAccounts();
    builder.AddOrganisation();
    builder.AddCatalog();
    builder.AddTickets();
    builder.AddClocks();
    builder.AddWebhooks();
    builder.AddMail();
    builder.AddBench();

    var app = builder.Build();
    app.UsePlatform();
    app.MapAccounts();
    app.MapOrganisation();
    app.MapCatalog();
    app.MapTickets();
    app.MapClocks();
    app.MapWebhooks();
    app.MapMail();
    app.MapPages();
    return app;
});

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
