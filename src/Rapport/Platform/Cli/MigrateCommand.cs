using Rapport.Platform.Database;

namespace Rapport.Platform.Cli;

internal sealed class MigrateCommand : ICliCommand
{
    public string Name => "migrate";

    public string Arguments => "";

    public string Summary => "apply pending database migrations, then exit";

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        args.RejectUnknown();
        await using var scope = services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await output.WriteLineAsync(applied.Count == 0
            ? "The database is up to date."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
        return RapportCommandLine.Ok;
    }
}
