using Rapport.Browser.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(BrowserApp app)
{
    [Fact]
    public async Task SignOutFromTheUserMenu_ReturnsToTheSignInPage_AndTheDeskIsClosedAgain()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.SignInAsync(BrowserApp.Administrator, BrowserApp.DemoPassword);
        await Expect(page).ToHaveURLAsync(Pages.PathIs("/desk"));

        var menu = page.Locator("details.user-menu");
        await menu.Locator("summary").ClickAsync();
        await menu.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Pages.PathIs("/signin"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out");
        await Expect(page.AreasNav()).ToHaveCountAsync(0);

        // The cookie is really gone: the desk asks for a sign-in again.
        await page.GotoAsync("/desk");
        await Expect(page).ToHaveURLAsync(Pages.PathIs("/signin"));
        await Expect(page.SignInButton()).ToBeVisibleAsync();
    }
}
