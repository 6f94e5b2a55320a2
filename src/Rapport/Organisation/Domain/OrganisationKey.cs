using System.Globalization;
using System.Text;

namespace Rapport.Organisation.Domain;

/// <summary>
/// The short name of a department, team or business unit: lowercase letters, digits and single dashes,
/// so it reads well in addresses, routing rules and CSV files and never needs escaping.
/// </summary>
public static class OrganisationKey
{
    public const int MaxLength = 40;

    /// <summary>"Workplace &amp; Access" → "workplace-access"; accents dropped. Empty when nothing usable is left.</summary>
    public static string FromName(string name)
    {
        var key = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
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

        var text = key.ToString().Trim('-');
        return text.Length <= MaxLength ? text : text[..MaxLength].TrimEnd('-');
    }

    public static bool IsValid(string key) =>
        key.Length is > 0 and <= MaxLength
        && key[0] != '-' && key[^1] != '-'
        && !key.Contains("--", StringComparison.Ordinal)
        && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
