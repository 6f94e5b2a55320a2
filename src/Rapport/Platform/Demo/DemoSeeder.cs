using Microsoft.Extensions.Options;
using Rapport.Platform.Events;

namespace Rapport.Platform.Demo;

/// <summary>A module's part of the demo organisation.</summary>
public interface IDemoSeed
{
    /// <summary>Seeds run in ascending order: organisation before accounts before tickets.</summary>
    int Order { get; }

    /// <summary>Whether this module's demo data is there already (seeding is safe to repeat).</summary>
    Task<bool> IsSeededAsync(IServiceProvider scope, CancellationToken ct);

    Task SeedAsync(DemoSeedContext context, IServiceProvider scope, CancellationToken ct);

    /// <summary>Sample work (tickets) rather than the organisation's set-up; the benchmark brings its own.</summary>
    bool IsSampleWork => false;
}

public sealed record DemoSeedContext(string Password);

public static class DemoSeedSetup
{
    public static IServiceCollection AddDemoSeed<T>(this IServiceCollection services) where T : class, IDemoSeed =>
        services.AddSingleton<IDemoSeed, T>();
}

/// <summary>Runs every module's demo seed in order, then lets subscribers catch up.</summary>
public sealed class DemoSeeder(
    IServiceScopeFactory scopes,
    IEnumerable<IDemoSeed> seeds,
    EventDispatcher dispatcher,
    IOptions<RapportOptions> options)
{
    /// <summary>Seeds what is missing; answers the demo password when anything was seeded, else null.</summary>
    public Task<string?> SeedAsync(CancellationToken ct) => SeedAsync(null, withSampleWork: true, ct);

    /// <param name="password">The demo accounts' password; null for the configured or a generated one.</param>
    /// <param name="withSampleWork">False leaves out sample tickets: the organisation and catalog only.</param>
    /// <param name="ct">Stops seeding between modules.</param>
    public async Task<string?> SeedAsync(string? password, bool withSampleWork, CancellationToken ct)
    {
        password ??= string.IsNullOrWhiteSpace(options.Value.Demo.Password)
            ? "demo-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5))
            : options.Value.Demo.Password;
        var context = new DemoSeedContext(password);
        var seededAny = false;
        foreach (var seed in seeds.Where(s => withSampleWork || !s.IsSampleWork).OrderBy(s => s.Order))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(Actor.System);
            if (await seed.IsSeededAsync(scope.ServiceProvider, ct))
            {
                continue;
            }

            await seed.SeedAsync(context, scope.ServiceProvider, ct);
            seededAny = true;
            await dispatcher.DrainAsync(ct);
        }

        return seededAny ? password : null;
    }
}
