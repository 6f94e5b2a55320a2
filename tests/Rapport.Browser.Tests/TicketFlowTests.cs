using System.Text.RegularExpressions;
using Rapport.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Rapport.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TicketFlowTests(BrowserApp app, ITestOutputHelper output)
{
    private static readonly Regex RequestPath = new(@"/portal/requests/(\d+)(\?.*)?$");

    [Fact]
    public async Task Request_IsCorrectedSentAnsweredAndResolved_RequesterSeesTheReplyButNotTheInternalNote()
    {
        // Unique per run, so the agent finds this request and no other in a queue full of demo tickets.
        var run = Guid.NewGuid().ToString("N")[..8];
        var title = $"Laptop for the new analyst {run}";
        var publicReply = $"Your laptop is ordered and arrives on Monday ({run}).";
        var internalNote = $"Ordered from the usual supplier, cost centre 4711 ({run}).";
        var resolutionNote = $"Laptop delivered and set up ({run}).";

        // 1. The requester asks for a laptop, forgets the model, corrects it and sends.
        var (requesterContext, requester) = await app.NewPageAsync();
        await using var _ = requesterContext;
        await requester.SignInAsync(BrowserApp.Requester, BrowserApp.DemoPassword);
        await Expect(requester).ToHaveURLAsync(Pages.PathIs("/portal"));

        await requester.GotoAsync("/portal/new");
        await requester.GetByRole(AriaRole.Link, new() { Name = "A new or replacement laptop" }).ClickAsync();
        await Expect(requester).ToHaveURLAsync(Pages.PathIs("/portal/new/new-laptop"));

        await requester.Locator("#subject").FillAsync(title);
        await requester.Locator("#description").FillAsync("Our new analyst starts on the 1st and needs the standard set-up.");
        await requester.Locator("#field-for-whom").FillAsync("new.analyst@demo.rapport.example");
        await requester.Locator("#field-needed-by").FillAsync("2026-12-01");
        await requester.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Expect(requester.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(requester.Locator("[id='answers.model-error']")).ToHaveTextAsync("Which model? is required.");
        await Expect(requester.Locator("#field-model")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(requester.Locator("#subject")).ToHaveValueAsync(title);

        await requester.Locator("#field-model").SelectOptionAsync("Standard 14\"");
        await requester.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Expect(requester).ToHaveURLAsync(RequestPath);
        await Expect(requester.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you — we have your request.");
        await Expect(requester.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var number = long.Parse(RequestPath.Match(requester.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"Request #{number}: {title}");

        // 2. An agent of the IT Service Desk finds it, answers, notes, and resolves it.
        var (agentContext, agent) = await app.NewPageAsync();
        await using var __ = agentContext;
        await agent.SignInAsync(BrowserApp.Agent, BrowserApp.DemoPassword);
        await Expect(agent).ToHaveURLAsync(Pages.PathIs("/desk"));

        // No routing rule picks up the laptop service in the demo, so nobody is on it yet.
        await agent.GotoAsync("/desk/queues/unassigned");
        await agent.Locator("table.queue").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(Pages.PathIs($"/desk/tickets/{number}"));
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"#{number} {title}");

        await Expect(agent.Locator("#kind-public")).ToBeCheckedAsync();
        // Working on the ticket updates the page in place: what the window holds survives every form.
        await agent.EvaluateAsync("() => window.stillTheSamePage = true");
        await agent.Locator("#body").FillAsync(publicReply);
        await agent.Locator("#reply").GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(agent.Locator("#ticket-message")).ToHaveTextAsync("Reply sent.");
        await Expect(agent.Locator("ol.conversation")).ToContainTextAsync(publicReply);

        await agent.Locator("#kind-internal").CheckAsync();
        await agent.Locator("#body").FillAsync(internalNote);
        await agent.Locator("#reply").GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(agent.Locator("#ticket-message")).ToHaveTextAsync("Internal note added.");
        var noteEntry = agent.Locator("ol.conversation li.entry.internal", new() { HasText = internalNote });
        await Expect(noteEntry).ToContainTextAsync("Internal note — not visible to the requester");

        await agent.Locator("#state").SelectOptionAsync("resolved");
        await agent.Locator("#note").FillAsync(resolutionNote);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Expect(agent.Locator("#ticket-message")).ToHaveTextAsync("State changed.");
        await Expect(agent.Locator(".page-head .badge")).ToHaveTextAsync("resolved");
        await Expect(agent.Locator("ol.conversation li.entry.resolution")).ToContainTextAsync(resolutionNote);
        Assert.True(await agent.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The ticket page reloaded as a whole.");
        await Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/desk/tickets/{number}\\?done=state$"));

        var deskScreenshot = Pages.ScreenshotPath("ticket-flow-desk.png");
        await agent.ScreenshotAsync(new() { Path = deskScreenshot, FullPage = true });
        output.WriteLine($"Screenshot of the agent's ticket: {deskScreenshot}");

        // 3. The requester looks again: the reply and the resolution, never the internal note.
        await requester.GotoAsync($"/portal/requests/{number}");
        await Expect(requester.Locator("ol.conversation")).ToContainTextAsync(publicReply);
        await Expect(requester.Locator("ol.conversation")).ToContainTextAsync(resolutionNote);
        await Expect(requester.Locator("body")).Not.ToContainTextAsync(internalNote);
        Assert.DoesNotContain(internalNote, await requester.ContentAsync(), StringComparison.Ordinal);
        await Expect(requester.Locator(".page-head .badge")).ToContainTextAsync("Solved");
        await Expect(requester.GetByRole(AriaRole.Button, new() { Name = "Yes, it is solved" })).ToBeVisibleAsync();

        var portalScreenshot = Pages.ScreenshotPath("ticket-flow-portal.png");
        await requester.ScreenshotAsync(new() { Path = portalScreenshot, FullPage = true });
        output.WriteLine($"Screenshot of the requester's request: {portalScreenshot}");
    }
}
