using Rapport.Browser.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RequesterTests(BrowserApp app)
{
    [Fact]
    public async Task Requester_SignsIn_LandsOnThePortalAndSeesOnlyThePortal()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;

        await page.SignInAsync(BrowserApp.Requester, BrowserApp.DemoPassword);

        await Expect(page).ToHaveURLAsync(Pages.PathIs("/portal"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ben");
        await Expect(page.AreaLink("Portal")).ToBeVisibleAsync();
        await Expect(page.AreaLink("Desk")).ToHaveCountAsync(0);
        await Expect(page.AreaLink("Insights")).ToHaveCountAsync(0);
        await Expect(page.AreaLink("Admin")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Requester_OpensAdmin_IsToldItIsNotOpenToThem()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.SignInAsync(BrowserApp.Requester, BrowserApp.DemoPassword);
        await Expect(page).ToHaveURLAsync(Pages.PathIs("/portal"));

        await page.GotoAsync("/admin");

        await Expect(page).ToHaveURLAsync(Pages.PathIs("/denied"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This part of Rapport is not open to you");
        await Expect(page.AreaLink("Admin")).ToHaveCountAsync(0);
    }
}
