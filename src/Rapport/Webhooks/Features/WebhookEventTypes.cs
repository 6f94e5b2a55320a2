using System.Reflection;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Webhooks.Features;

/// <summary>The event types a webhook can ask for: every event of the application, and "*" for all.</summary>
public static class WebhookEventTypes
{
    public const string All = EventSubscriptions.AllEvents;

    /// <summary>
    /// Sent only to webhooks that name them, never through "*": an internal note is for agents, and a
    /// receiver set up for "everything" should not learn that one was written.
    /// </summary>
    public static readonly IReadOnlySet<string> NamedOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        EventNames.Of<InternalNoteAdded>(),
    };

    private static readonly Lazy<IReadOnlyList<string>> Names = new(() =>
        [.. typeof(WebhookEventTypes).Assembly.GetTypes()
            .Where(t => typeof(IEvent).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .Select(t => t.GetCustomAttribute<EventNameAttribute>()?.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)]);

    /// <summary>Every event name of the application, sorted (so grouped by module).</summary>
    public static IReadOnlyList<string> Known => Names.Value;

    public static bool IsKnown(string type) => type == All || Known.Contains(type, StringComparer.Ordinal);

    /// <summary>Whether a webhook listening to <paramref name="types"/> gets an event of <paramref name="type"/>.</summary>
    public static bool Matches(IReadOnlyCollection<string> types, string type) =>
        types.Contains(type, StringComparer.Ordinal) || (types.Contains(All, StringComparer.Ordinal) && !NamedOnly.Contains(type));

    /// <summary>"*" reads as "every event" in lists.</summary>
    public static string Describe(IReadOnlyCollection<string> types) =>
        types.Contains(All, StringComparer.Ordinal)
            ? types.Count == 1 ? "every event" : "every event, and " + string.Join(", ", types.Where(t => t != All))
            : string.Join(", ", types);
}
