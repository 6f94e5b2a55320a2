using System.Globalization;
using System.Text;

namespace Rapport.Platform;

/// <summary>
/// The short names of services, form fields, departments, teams and business units: lowercase letters,
/// digits and single dashes, so that they read well in addresses (/portal/new/new-laptop), the API,
/// routing rules and CSV files, and never need escaping.
/// </summary>
public static class UrlSafeKey
{
    /// <summary>"Which laptop model?" → "which-laptop-model"; accents dropped. Empty when nothing usable is left.</summary>
    public static string From(string text, int maxLength)
    {
        var key = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                key.Append(lower);
            }
            else if (key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }

        var made = key.ToString().Trim('-');
        return made.Length <= maxLength ? made : made[..maxLength].TrimEnd('-');
    }

    public static bool IsValid(string key, int maxLength) =>
        key.Length > 0 && key.Length <= maxLength
        && key[0] != '-' && key[^1] != '-'
        && !key.Contains("--", StringComparison.Ordinal)
        && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
