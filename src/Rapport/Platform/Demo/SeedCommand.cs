using Rapport.Platform.Cli;

namespace Rapport.Platform.Demo;

internal sealed class SeedCommand(DemoSeeder seeder) : ICliCommand
{
    public string Name => "seed";

    public string Arguments => "--demo";

    public string Summary => "add the demo organisation (what is there already is kept)";

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        if (!args.Flag("demo"))
        {
            throw new CliUsageException("say what to seed: --demo is the only data set.");
        }

        args.RejectUnknown();
        var password = await seeder.SeedAsync(ct);
        await output.WriteLineAsync(password is null
            ? "The demo organisation is there already; nothing was added."
            : $"Seeded the demo organisation. Sign in as {DemoOrganisation.AdministratorEmail} with the password {password}");
        return RapportCommandLine.Ok;
    }
}
