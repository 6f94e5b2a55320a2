using AngleSharp.Dom;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Accounts;

/// <summary>What people do on the account pages, in the words of the tests.</summary>
internal static class AccountPages
{
    public static async Task<HttpClient> SignedInAdminAsync(this RapportApp app)
    {
        var admin = await app.CreateAccountAsync(Rapport.Platform.RapportRoles.Administrator);
        return await app.SignedInClientAsync(admin);
    }

    /// <summary>Fills the sign-in form; answers the page that follows, sign-in page included when it failed.</summary>
    public static async Task<IDocument> SignInAsync(this HttpClient client, string email, string password, string url = "/signin") =>
        await (await client.SubmitFormAsync(url, "form", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        })).ParseAsync();

    /// <summary>The area links in the top bar.</summary>
    public static IReadOnlyList<string> Areas(this IDocument page) =>
        [.. page.QuerySelectorAll("nav.areas a").Select(a => a.GetAttribute("href") ?? "")];

    public static string Text(this IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim()
        ?? throw new InvalidOperationException($"The page has nothing matching '{selector}':\n{page.Body?.TextContent}");

    public static async Task<string> PathAfterAsync(this HttpClient client, string url) =>
        (await client.GetAsync(url)).RequestMessage!.RequestUri!.AbsolutePath;
}
