using System.Text.RegularExpressions;

namespace Rapport.Tickets.Domain;

/// <summary>
/// Colleagues named in a message: <c>@tom.becker</c> (someone of the writer's own e-mail domain) or
/// <c>@tom.becker@example.org</c>. An e-mail address in running text is not a mention.
/// </summary>
public static partial class Mentions
{
    [GeneratedRegex(@"(?<![\w@.])@(?<handle>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    /// <summary>The handles mentioned, each once, in the order written.</summary>
    public static IReadOnlyList<string> Find(string body) =>
        [.. Handle().Matches(body).Select(m => m.Groups["handle"].Value).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The e-mail address a handle stands for, given the writer's domain.</summary>
    public static string AddressOf(string handle, string writerDomain) => handle.Contains('@', StringComparison.Ordinal) ? handle : $"{handle}@{writerDomain}";

    /// <summary>The body with each known mention in bold under the person's name, for rendering.</summary>
    public static string Highlight(string body, IReadOnlyDictionary<string, string> names) =>
        Handle().Replace(body, m => names.TryGetValue(m.Groups["handle"].Value, out var name) ? $"**@{EscapeMarkdown(name)}**" : m.Value);

    private static string EscapeMarkdown(string text) => Regex.Replace(text, @"([\\`*_{}\[\]()#+\-.!<>|])", @"\$1");
}
