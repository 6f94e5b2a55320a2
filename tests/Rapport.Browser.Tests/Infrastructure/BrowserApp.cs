namespace Rapport.Browser.Tests.Infrastructure;

/// <summary>
/// One running Rapport and one Chromium for all browser tests (starting and seeding take seconds);
/// each test gets its own browser context, so cookies and storage never leak between tests.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>The password of every demo account in this run.</summary>
    public const string DemoPassword = "browser-tests-password";

    public const string Administrator = Rapport.Platform.Demo.DemoOrganisation.AdministratorEmail;
    public const string Agent = "tom.becker@demo.rapport.example";
    public const string Requester = "ben.carter@demo.rapport.example";

    /// <summary>Generous: the first render of each page compiles on a busy 2-core machine.</summary>
    private const float TimeoutMs = 20_000;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rapport-browser-" + Guid.NewGuid().ToString("N"));
    private RapportServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Chromium.EnsureInstalled();
        Directory.CreateDirectory(_dataDirectory);
        _server = new RapportServer(_dataDirectory, DemoPassword);
        BaseAddress = _server.Start();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        SetDefaultExpectTimeout(TimeoutMs);
    }

    /// <summary>A page in a fresh browser context; dispose the context at the end of the test.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(ViewportSize? viewport = null)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser is not started.");
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return (context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        // SQLite may hold the file a moment after the host stops; a leftover temp folder is harmless.
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
