using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Accounts.Features;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;
using Rapport.Platform.Events;

namespace Rapport.Tests.Infrastructure;

/// <summary>
/// The test API: a real Rapport on a real database, with a fake clock and the event dispatcher
/// driven by the test (<see cref="DrainEventsAsync"/>). Tests speak in intents; they rarely need services.
/// </summary>
public abstract class RapportApp : IAsyncLifetime
{
    private readonly List<RapportNode> _nodes = [];
    private TestDatabase? _database;

    /// <summary>Monday 2 March 2026, 08:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app is not initialised.");

    /// <summary>The first node: what most tests talk to.</summary>
    public RapportNode Node => _nodes[0];

    public IServiceProvider Services => Node.Services;

    /// <summary>Extra settings for every node of this app (override in a fixture).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        var node = StartNode();
        _ = node.Services; // starts the host: migrates the schema
    }

    /// <summary>Another app node on the same database, as behind a load balancer.</summary>
    public RapportNode StartNode(Action<IServiceCollection>? configure = null)
    {
        var node = new RapportNode(this, configure);
        _nodes.Add(node);
        _ = node.Services;
        return node;
    }

    internal void Configure(IWebHostBuilder builder, Action<IServiceCollection>? configure)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Rapport:DataDirectory", Database.DataDirectory);
        builder.UseSetting("Rapport:Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Rapport", Database.ConnectionString);
        builder.UseSetting("Rapport:Demo:Seed", "false");
        builder.UseSetting("Rapport:Events:Dispatch", "false");
        builder.UseSetting("Clocks:Watch", "false");
        builder.UseSetting("Mail:Run", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            ConfigureServices(services);
            configure?.Invoke(services);
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    // ---- intents -------------------------------------------------------------------------------

    public Task<int> DrainEventsAsync() => Node.DrainEventsAsync();

    public async Task<TestAccount> CreateAccountAsync(string role, string? email = null, string? name = null)
    {
        email ??= $"{role}-{Guid.NewGuid().ToString("N")[..8]}@example.org";
        const string password = "correct-horse-battery";
        var created = await ScopeAsync(sp => sp.GetRequiredService<CreateAccountHandler>()
            .HandleAsync(new CreateAccount(email, name ?? email, [role], password), CancellationToken.None));
        Assert.True(created.Succeeded, created.Error?.Detail);
        return new TestAccount(created.Value.Id, email, password, role);
    }

    /// <summary>An HTTP client that calls the API with a fresh token of <paramref name="account"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(TestAccount account)
    {
        var token = await ScopeAsync(sp => sp.GetRequiredService<IssueApiTokenHandler>()
            .HandleAsync(new IssueApiToken(account.Id, "tests"), CancellationToken.None));
        Assert.True(token.Succeeded, token.Error?.Detail);
        var client = Node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Value.Secret);
        return client;
    }

    /// <summary>A browser-like client (cookies, redirects) signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(TestAccount account)
    {
        var client = Node.CreateClient();
        var response = await client.SubmitFormAsync("/signin", "form", new()
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });
        Assert.True(response.IsSuccessStatusCode, $"Sign-in answered {(int)response.StatusCode}.");
        Assert.NotEqual("/signin", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    public HttpClient AnonymousClient(bool followRedirects = true) =>
        Node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });

    public async Task<T> ScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task ScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Reads from the database directly: for asserting what was stored.</summary>
    public Task<T> QueryAsync<T>(Func<RapportDb, Task<T>> query) =>
        ScopeAsync(sp => query(sp.GetRequiredService<RapportDb>()));

    /// <summary>
    /// The demo organisation's departments, teams, people and catalog (without sign-in accounts: tests
    /// make the accounts they need, and an account with a demo person's e-mail joins that person).
    /// </summary>
    public async Task GivenDemoCatalogAsync()
    {
        foreach (var seed in Services.GetServices<IDemoSeed>().Where(s => s.Order is 10 or 30).OrderBy(s => s.Order))
        {
            await ScopeAsync(async sp =>
            {
                if (!await seed.IsSeededAsync(sp, CancellationToken.None))
                {
                    await seed.SeedAsync(new DemoSeedContext("unused"), sp, CancellationToken.None);
                }
            });
        }
    }

    /// <summary>An account for a demo person (see DemoOrganisation), linked to that person and their team.</summary>
    public async Task<TestAccount> DemoAccountAsync(string localPart, string role)
    {
        var email = $"{localPart}@{DemoOrganisation.Domain}";
        var existing = await ScopeAsync(sp => sp.GetRequiredService<Rapport.Accounts.Contracts.IAccountDirectory>().FindByEmailAsync(email, CancellationToken.None));
        var account = existing is null
            ? await CreateAccountAsync(role, email, localPart)
            : new TestAccount(existing.Id, email, "correct-horse-battery", role);
        await DrainEventsAsync();
        return account;
    }

    public Task<List<EventLogEntry>> EventsAsync(string? type = null) =>
        QueryAsync(db => db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => type == null || e.Type == type)
            .OrderBy(e => e.Sequence)
            .ToListAsync());
}

public sealed record TestAccount(Guid Id, string Email, string Password, string Role);

/// <summary>One running instance of Rapport.</summary>
public sealed class RapportNode(RapportApp app, Action<IServiceCollection>? configure) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => app.Configure(builder, configure);

    public Task<int> DrainEventsAsync() => Services.GetRequiredService<EventDispatcher>().DrainAsync(CancellationToken.None);
}

public sealed class SqliteApp : RapportApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresApp : RapportApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
