using Rapport.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Rapport.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Administrator_SignsInOnTheSignInPage_SeesTheDeskAndTheAdminLink()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;

        await page.SignInAsync(BrowserApp.Administrator, BrowserApp.DemoPassword);

        await Expect(page).ToHaveURLAsync(Pages.PathIs("/desk"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Desk");
        await Expect(page.AreaLink("Admin")).ToBeVisibleAsync();
        await Expect(page.AreaLink("Desk")).ToBeVisibleAsync();

        // Kept for people to look at: the first thing an administrator sees.
        var screenshot = Pages.ScreenshotPath("desk.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the desk: {screenshot}");
    }

    [Fact]
    public async Task WrongPassword_ShowsWhyAndStaysOnTheSignInPage()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;

        // One wrong password only, on an account no other test signs in with: five would lock it.
        await page.SignInAsync(BrowserApp.Agent, "not-the-right-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That e-mail and password do not match an account");
        await Expect(page).ToHaveURLAsync(Pages.PathIs("/signin"));
        await Expect(page.SignInButton()).ToBeVisibleAsync();
        await Expect(page.AreasNav()).ToHaveCountAsync(0);
    }
}
