using Rapport.Platform.Errors;

namespace Rapport.Webhooks.Features;

/// <summary>A webhook's name, URL and event types, checked and tidied.</summary>
public sealed record WebhookInput(string Name, string Url, IReadOnlyList<string> EventTypes);

/// <summary>
/// Checks what an administrator typed, every field at once, each problem named by its field
/// (<c>name</c>, <c>url</c>, <c>eventTypes</c>) so that pages and the API can show it next to the input.
/// </summary>
public sealed class WebhookInputCheck(WebhookAddressGuard guard)
{
    public const int NameMaxLength = 100;
    public const int UrlMaxLength = 2000;

    public async Task<Result<WebhookInput>> CheckAsync(string? name, string? url, IEnumerable<string?>? eventTypes, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        var cleanName = (name ?? "").Trim();
        if (cleanName.Length == 0)
        {
            Fail("name", "Give the webhook a name, e.g. \"Chat notifications\".");
        }
        else if (cleanName.Length > NameMaxLength)
        {
            Fail("name", $"Keep the name to {NameMaxLength} characters or fewer (this has {cleanName.Length}).");
        }

        var cleanUrl = (url ?? "").Trim();
        if (cleanUrl.Length == 0)
        {
            Fail("url", "Enter the URL that should receive the events, e.g. https://example.com/rapport-events.");
        }
        else if (cleanUrl.Length > UrlMaxLength)
        {
            Fail("url", $"Keep the URL to {UrlMaxLength} characters or fewer (this has {cleanUrl.Length}).");
        }
        else if (!Uri.TryCreate(cleanUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
        {
            Fail("url", "Enter a full web address that starts with https:// (or http://), e.g. https://example.com/rapport-events.");
        }
        else if (uri.UserInfo.Length > 0)
        {
            Fail("url", "Leave the user name and password out of the URL: receivers check the X-Rapport-Signature header instead.");
        }
        else if (await guard.ProblemWithAsync(uri, ct) is { } problem)
        {
            Fail("url", problem);
        }

        var types = (eventTypes ?? []).Select(t => (t ?? "").Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknown = types.Where(t => !WebhookEventTypes.IsKnown(t)).ToList();
        if (types.Count == 0)
        {
            Fail("eventTypes", "Choose at least one event, or every event (\"*\").");
        }
        else if (unknown.Count > 0)
        {
            Fail("eventTypes", unknown.Count == 1
                ? $"Rapport has no event called \"{unknown[0]}\". Choose from the listed events, or \"*\" for every event."
                : $"Rapport has no events called {string.Join(", ", unknown.Select(u => $"\"{u}\""))}. Choose from the listed events, or \"*\" for every event.");
        }

        if (errors.Count > 0)
        {
            return new Invalid("webhooks.invalid", string.Join(" ", errors.Values.SelectMany(m => m)), errors);
        }

        // "*" first, then the named types in order: the same choice always reads the same.
        var ordered = types.OrderBy(t => t == WebhookEventTypes.All ? 0 : 1).ThenBy(t => t, StringComparer.Ordinal).ToList();
        return new WebhookInput(cleanName, cleanUrl, ordered);
    }
}
