using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Platform.Demo;

namespace Rapport.Platform.Database;

/// <summary>
/// Before the server takes requests: brings the schema up to date and, on a new SQLite database,
/// seeds the demo organisation and says how to sign in.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceScopeFactory scopes,
    DemoSeeder demo,
    IOptions<RapportOptions> options,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public const string DemoSignInFile = "demo-sign-in.txt";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        bool wasEmpty;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            wasEmpty = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            if (settings.Database.MigrateOnStart)
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            }
        }

        var signInFile = Path.Combine(Path.GetFullPath(settings.DataDirectory), DemoSignInFile);
        if (wasEmpty && settings.Demo.Seed && !settings.Database.IsPostgres)
        {
            var password = await demo.SeedAsync(cancellationToken);
            if (password is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(signInFile)!);
                await File.WriteAllTextAsync(signInFile,
                    $"Demo organisation: sign in as {DemoOrganisation.AdministratorEmail} with the password {password}\n" +
                    $"Every demo person (e.g. priya.natarajan@{DemoOrganisation.Domain}, ben.carter@{DemoOrganisation.Domain}) has the same password.\n",
                    cancellationToken);
            }
        }

        if (settings.Demo.Seed && File.Exists(signInFile))
        {
            var text = (await File.ReadAllTextAsync(signInFile, cancellationToken)).Trim();
            logger.LogWarning("{DemoSignIn} (kept in {File})", text, signInFile);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
