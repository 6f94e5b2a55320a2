using System.Text.RegularExpressions;

namespace Rapport.Browser.Tests.Infrastructure;

/// <summary>What a person does on Rapport's pages, in the words of the page.</summary>
public static class Pages
{
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/signin");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.SignInButton().ClickAsync();
    }

    /// <summary>The form's button; the header's "Sign in" is a link, not a button.</summary>
    public static ILocator SignInButton(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public static ILocator AreasNav(this IPage page) => page.Locator("nav[aria-label='Areas']");

    public static ILocator AreaLink(this IPage page, string name) =>
        page.AreasNav().GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public static Regex PathIs(string path) => new($"^https?://[^/]+{Regex.Escape(path)}([?#].*)?$");

    /// <summary>
    /// Where people can look at what the tests saw: TestResults/screenshots at the repository root
    /// (next to the .trx files of .ci/run), else under the working directory.
    /// </summary>
    public static string ScreenshotPath(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Rapport.slnx")))
        {
            root = root.Parent;
        }

        var directory = Path.Combine(root?.FullName ?? Directory.GetCurrentDirectory(), "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
