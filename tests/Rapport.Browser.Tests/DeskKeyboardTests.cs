using System.Text.RegularExpressions;
using Rapport.Browser.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DeskKeyboardTests(BrowserApp app)
{
    private static readonly Regex Current = new(@"\bcurrent\b");

    [Fact]
    public async Task TeamQueue_JAndKMove_XTicks_EnterOpens_AndTypingInAFieldIsLeftAlone()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.SignInAsync(BrowserApp.Agent, BrowserApp.DemoPassword);
        await Expect(page).ToHaveURLAsync(Pages.PathIs("/desk"));
        await page.GotoAsync("/desk/queues/team");
        var rows = page.Locator("table.queue tbody tr");
        await Expect(rows.Nth(2)).ToBeVisibleAsync();
        var second = await rows.Nth(1).GetAttributeAsync("data-ticket");

        await page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(0)).ToHaveClassAsync(Current);
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        await Expect(rows.Nth(1)).ToHaveClassAsync(Current);
        await Expect(rows.Nth(0)).Not.ToHaveClassAsync(Current);
        await Expect(rows.Nth(1).Locator("a.ticket-link")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("x");
        await Expect(page.Locator($"#select-{second}")).ToBeCheckedAsync();
        await Expect(page.Locator("#select-all")).ToBeVisibleAsync();

        // Keys typed into a field are text, not shortcuts.
        await page.Locator("#bulk-note").FocusAsync();
        await page.Keyboard.TypeAsync("jx");
        await Expect(page.Locator("#bulk-note")).ToHaveValueAsync("jx");
        await Expect(rows.Nth(1)).ToHaveClassAsync(Current);
        await Expect(page.Locator($"#select-{second}")).ToBeCheckedAsync();

        await page.Locator("#bulk-note").BlurAsync();
        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#q")).ToBeFocusedAsync();
        await page.Locator("#q").BlurAsync();

        await page.Keyboard.PressAsync("?");
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).Not.ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Pages.PathIs($"/desk/tickets/{second}"));

        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("u");
        await Expect(page).ToHaveURLAsync(Pages.PathIs("/desk/queues/unassigned"));
    }

    [Fact]
    public async Task FilterChange_SwapsTheTable_AndPutsTheFilterInTheAddress()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.SignInAsync(BrowserApp.Agent, BrowserApp.DemoPassword);
        await Expect(page).ToHaveURLAsync(Pages.PathIs("/desk"));
        await page.GetByRole(AriaRole.Link, new() { Name = "My teams" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(Pages.PathIs("/desk/queues/team"));
        await page.EvaluateAsync("window.__sameDocument = true");

        await page.Locator("#priority").SelectOptionAsync("critical");

        await Expect(page).ToHaveURLAsync(new Regex(@"/desk/queues/team\?state=active&priority=critical$"));
        await Expect(page.Locator("table.queue tbody tr").First).ToBeVisibleAsync();
        foreach (var badge in await page.Locator("table.queue tbody td .badge[class*=priority-]").AllAsync())
        {
            await Expect(badge).ToHaveTextAsync("critical");
        }

        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page was reloaded instead of swapping the table.");
    }
}
