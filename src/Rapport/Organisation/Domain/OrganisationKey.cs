using Rapport.Platform;

namespace Rapport.Organisation.Domain;

/// <summary>The short name of a department, team or business unit (see <see cref="UrlSafeKey"/>).</summary>
public static class OrganisationKey
{
    public const int MaxLength = 40;

    /// <summary>"Workplace &amp; Access" → "workplace-access"; accents dropped. Empty when nothing usable is left.</summary>
    public static string FromName(string name) => UrlSafeKey.From(name, MaxLength);

    public static bool IsValid(string key) => UrlSafeKey.IsValid(key, MaxLength);
}
