namespace Rapport.Browser.Tests.Infrastructure;

/// <summary>Debian's Chromium: Playwright cannot download its own browsers on these machines.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        // As root in a container there is no user namespace for the sandbox; the rest keeps the
        // browser from calling out to Google while the tests run.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };

    /// <summary>Fails (never skips) without the browser: a green run must mean the pages were really tried.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}, so the browser tests cannot run. " +
                "Install it with `apt-get install -y chromium` (as .ci/run does).");
        }
    }
}
