using System.Globalization;

namespace Rapport.Catalog.Domain;

/// <summary>Checks answers against a service's form. Pure: the same answers always give the same errors.</summary>
public static class RequestForm
{
    /// <summary>Field key → what is wrong, in words for the person filling the form. Unknown keys are errors too.</summary>
    public static Dictionary<string, string> Validate(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string?> answers)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in answers.Keys.Where(k => fields.All(f => f.Key != k)))
        {
            errors[key] = $"This form has no field '{key}'.";
        }

        foreach (var field in fields)
        {
            var value = answers.TryGetValue(field.Key, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(value))
            {
                if (field.Required)
                {
                    errors[field.Key] = $"{field.Label} is required.";
                }

                continue;
            }

            var problem = field.Kind switch
            {
                FieldKinds.Number => CheckNumber(field, value),
                FieldKinds.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : $"{field.Label} must be a date (YYYY-MM-DD).",
                FieldKinds.Choice => field.Options.Contains(value, StringComparer.Ordinal) ? null : $"Choose one of the options for {field.Label}.",
                FieldKinds.MultiChoice => SplitChoices(value).All(c => field.Options.Contains(c, StringComparer.Ordinal))
                    ? null : $"Choose only from the options for {field.Label}.",
                FieldKinds.Person => value.Contains('@', StringComparison.Ordinal) ? null : $"{field.Label} must be a person's e-mail address.",
                _ => null,
            };
            problem ??= field.MaxLength is { } max && value.Length > max ? $"{field.Label} can be at most {max} characters." : null;
            if (problem is not null)
            {
                errors[field.Key] = problem;
            }
        }

        return errors;
    }

    /// <summary>Several choices travel as one value separated by new lines.</summary>
    public static IEnumerable<string> SplitChoices(string value) =>
        value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? CheckNumber(FormField field, string value)
    {
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return $"{field.Label} must be a number.";
        }

        if (field.Min is { } min && number < min)
        {
            return $"{field.Label} must be at least {min.ToString(CultureInfo.InvariantCulture)}.";
        }

        return field.Max is { } max && number > max ? $"{field.Label} can be at most {max.ToString(CultureInfo.InvariantCulture)}." : null;
    }
}
