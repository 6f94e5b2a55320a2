using Rapport.Browser.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(BrowserApp app)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 740 };

    [Fact]
    public async Task SignInPage_OnAPhone_FitsTheScreen()
    {
        var (context, page) = await app.NewPageAsync(Phone);
        await using var _ = context;

        await page.GotoAsync("/signin");

        await Expect(page.Locator("#email")).ToBeInViewportAsync();
        await Expect(page.Locator("#password")).ToBeInViewportAsync();
        await Expect(page.SignInButton()).ToBeInViewportAsync();
        // Sideways scrolling on a phone is what people notice first.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The sign-in page is {overflow}px wider than a 375px phone screen.");
    }

    [Fact]
    public async Task SignInPage_OnAPhone_CanBeUsedWithTheKeyboardOnly()
    {
        var (context, page) = await app.NewPageAsync(Phone);
        await using var _ = context;
        await page.GotoAsync("/signin");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        var email = page.Locator("#email");

        // Rapport moves focus to the page heading after a navigation (FocusOnNavigate), so the first
        // Tab after the page opens already goes past the header to the e-mail field.
        await PressUntilFocusedAsync(page, "Tab", email, maxPresses: 4);

        // From the top of the page the skip link comes first, and shows itself when focused.
        await PressUntilFocusedAsync(page, "Shift+Tab", skipLink, maxPresses: 5);
        await Expect(skipLink).ToBeInViewportAsync();
        await PressUntilFocusedAsync(page, "Tab", email, maxPresses: 4);

        await page.Keyboard.TypeAsync(BrowserApp.Requester);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(BrowserApp.DemoPassword);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(Pages.PathIs("/portal"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ben");
    }

    private static async Task PressUntilFocusedAsync(IPage page, string key, ILocator target, int maxPresses)
    {
        for (var presses = 0; presses < maxPresses; presses++)
        {
            await page.Keyboard.PressAsync(key);
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'");
        Assert.Fail($"{maxPresses} presses of {key} did not reach {target}; focus is on {focused}.");
    }
}
