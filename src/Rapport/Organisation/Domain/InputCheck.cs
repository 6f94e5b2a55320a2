using Rapport.Platform.Errors;

namespace Rapport.Organisation.Domain;

/// <summary>
/// Collects what is wrong with a form's fields so that a person sees every problem at once, each next
/// to its field, instead of fixing them one round trip at a time.
/// </summary>
public sealed class InputCheck
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int PersonNameMaxLength = 200;
    public const int JobTitleMaxLength = 200;

    private readonly Dictionary<string, string[]> _fields = new(StringComparer.Ordinal);

    public bool Failed => _fields.Count > 0;

    public Invalid Error => new(
        "organisation.invalid",
        string.Join(" ", _fields.Values.SelectMany(m => m)),
        _fields);

    public void Fail(string field, string message) => _fields.TryAdd(field, [message]);

    /// <summary>Adds a taken name or address to the other problems, so that one round trip shows them all.</summary>
    public void Include(Error? clash)
    {
        if (clash is AlreadyTaken taken)
        {
            Fail(taken.Field, taken.Detail);
        }
    }

    /// <summary>A trimmed text that must be there and fit.</summary>
    public string Required(string field, string? value, int maxLength, string whenMissing)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            Fail(field, whenMissing);
        }
        else if (text.Length > maxLength)
        {
            Fail(field, TooLong(maxLength, text.Length));
        }

        return text;
    }

    /// <summary>A trimmed text that may be empty and must fit.</summary>
    public string Optional(string field, string? value, int maxLength)
    {
        var text = (value ?? "").Trim();
        if (text.Length > maxLength)
        {
            Fail(field, TooLong(maxLength, text.Length));
        }

        return text;
    }

    /// <summary>The key given, lower-cased, or one made from <paramref name="name"/> when none is given.</summary>
    public string Key(string? given, string name)
    {
        var key = (given ?? "").Trim().ToLowerInvariant();
        if (key.Length == 0)
        {
            key = OrganisationKey.FromName(name);
            if (key.Length == 0 && name.Length > 0)
            {
                Fail("key", "Give a key of lowercase letters, digits and dashes, e.g. \"it\": none could be made from this name.");
            }

            return key;
        }

        if (!OrganisationKey.IsValid(key))
        {
            var suggestion = OrganisationKey.FromName(key);
            Fail("key", key.Length > OrganisationKey.MaxLength
                ? TooLong(OrganisationKey.MaxLength, key.Length)
                : suggestion.Length > 0
                    ? $"Use only lowercase letters, digits and single dashes, e.g. \"{suggestion}\"."
                    : "Use only lowercase letters, digits and single dashes, e.g. \"it\".");
        }

        return key;
    }

    public string Email(string? value)
    {
        var email = PersonEmail.Normalize(value);
        if (email.Length == 0)
        {
            Fail("email", "Enter the person's e-mail address.");
        }
        else if (email.Length > PersonEmail.MaxLength)
        {
            Fail("email", TooLong(PersonEmail.MaxLength, email.Length));
        }
        else if (!PersonEmail.IsValid(email))
        {
            Fail("email", "Enter an e-mail address such as name@example.com.");
        }

        return email;
    }

    private static string TooLong(int maxLength, int length) =>
        $"Keep it to {maxLength} characters or fewer (this has {length}).";
}
