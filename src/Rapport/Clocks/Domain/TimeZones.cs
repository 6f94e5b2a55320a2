using NodaTime.TimeZones;

namespace Rapport.Clocks.Domain;

/// <summary>The IANA time zones a calendar may name, for choosing one from a list.</summary>
public static class TimeZones
{
    /// <summary>The zones of places (zone.tab) and UTC, sorted: the ones people look for.</summary>
    public static readonly IReadOnlyList<string> Known =
        [.. (TzdbDateTimeZoneSource.Default.ZoneLocations ?? []).Select(l => l.ZoneId).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>"Europe/Berlin" → "Berlin time": how a requester reads a zone.</summary>
    public static string PlaceOf(string zone) =>
        zone.Contains('/', StringComparison.Ordinal) ? zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ') : zone;
}
