using Rapport.Platform;
using System.Globalization;
using Rapport.Platform.Errors;

namespace Rapport.Catalog.Domain;

/// <summary>
/// One question of a request form as an administrator wrote it, not yet checked. Numbers travel as text,
/// so that "ten" gets a message next to its input rather than a failure.
/// </summary>
public sealed record FormFieldDraft(
    string? Key, string? Label, string? Kind, bool Required = false, string? Help = null, IReadOnlyList<string?>? Options = null,
    string? Min = null, string? Max = null, string? MaxLength = null)
{
    public static FormFieldDraft From(FormField field) => new(
        field.Key, field.Label, field.Kind, field.Required, field.Help, field.Options,
        field.Min?.ToString(CultureInfo.InvariantCulture), field.Max?.ToString(CultureInfo.InvariantCulture),
        field.MaxLength?.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// Checks a request form as a whole before it is saved: every problem at once, each named by its field
/// (<c>fields[2].options</c>) so that pages show it next to the input and the API names it. Pure.
/// </summary>
public static class RequestFormDesign
{
    public const int MaxFields = 50;
    public const int KeyMaxLength = 40;
    public const int LabelMaxLength = 200;
    public const int HelpMaxLength = 500;
    public const int MaxOptions = 100;
    public const int OptionMaxLength = 200;
    public const int LongestAnswer = 20_000;

    /// <summary>The name of a field's property in errors: <c>fields[2].key</c>.</summary>
    public static string ErrorKey(int index, string property) => $"fields[{index}].{property}";

    public static bool HasOptions(string kind) => kind is FieldKinds.Choice or FieldKinds.MultiChoice;

    public static bool HasRange(string kind) => kind is FieldKinds.Number;

    public static bool HasMaxLength(string kind) => kind is FieldKinds.Text or FieldKinds.LongText;

    /// <summary>The checked form, in the order given; settings that do not fit a field's kind are left out.</summary>
    public static Result<List<FormField>> Check(IReadOnlyList<FormFieldDraft> drafts)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (drafts.Count > MaxFields)
        {
            errors["fields"] = [$"A form can have at most {MaxFields} fields (this has {drafts.Count}). Fewer questions get more answers."];
        }

        var fields = new List<FormField>(drafts.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            var index = i;
            void Fail(string property, string message) => errors.TryAdd(ErrorKey(index, property), [message]);
            fields.Add(CheckOne(drafts[i], keys, Fail));
        }

        return errors.Count > 0
            ? new Invalid("catalog.invalid-form", string.Join(" ", errors.Values.SelectMany(m => m)), errors)
            : fields;
    }

    private static FormField CheckOne(FormFieldDraft draft, HashSet<string> keys, Action<string, string> fail)
    {
        var label = draft.Label?.Trim() ?? "";
        if (label.Length == 0)
        {
            fail("label", "Write the question as a requester reads it, e.g. “Which laptop model?”.");
        }
        else if (label.Length > LabelMaxLength)
        {
            fail("label", $"Keep the question to {LabelMaxLength} characters or fewer (this has {label.Length}); put more in the help text.");
        }

        var key = draft.Key?.Trim() ?? "";
        var madeFromLabel = key.Length == 0;
        if (madeFromLabel)
        {
            key = UrlSafeKey.From(label, KeyMaxLength);
        }

        if (key.Length == 0)
        {
            if (label.Length > 0)
            {
                fail("key", "Give the field a key, e.g. “asset-tag”: it names the answer in the API, exports and routing rules.");
            }
        }
        else if (!UrlSafeKey.IsValid(key, KeyMaxLength))
        {
            fail("key", $"Use lowercase letters, digits and single dashes for the key, at most {KeyMaxLength}, e.g. “asset-tag”.");
        }
        else if (!keys.Add(key))
        {
            fail("key", madeFromLabel
                ? $"The key made from this question, “{key}”, is another field's already. Give this field a key of its own."
                : $"Another field of this form has the key “{key}”. Each key names one answer: choose another.");
        }

        var kind = draft.Kind?.Trim() ?? "";
        if (!FieldKinds.All.Contains(kind))
        {
            fail("kind", $"Choose the kind of answer: {string.Join(", ", FieldKinds.All)}.");
        }

        var help = draft.Help?.Trim() ?? "";
        if (help.Length > HelpMaxLength)
        {
            fail("help", $"Keep the help to {HelpMaxLength} characters or fewer (this has {help.Length}).");
        }

        var field = new FormField
        {
            Key = key,
            Label = label,
            Kind = kind,
            Required = draft.Required,
            Help = help.Length == 0 ? null : help,
        };
        if (HasOptions(kind))
        {
            field.Options = CheckOptions(draft.Options, fail);
        }

        if (HasRange(kind))
        {
            field.Min = Number(draft.Min, "min", "The smallest answer", fail);
            field.Max = Number(draft.Max, "max", "The largest answer", fail);
            if (field.Min is { } min && field.Max is { } max && min > max)
            {
                fail("max", $"The largest answer ({Show(max)}) is below the smallest ({Show(min)}): swap them, or change one.");
            }
        }

        if (HasMaxLength(kind))
        {
            field.MaxLength = Length(draft.MaxLength, fail);
        }

        return field;
    }

    private static List<string> CheckOptions(IReadOnlyList<string?>? given, Action<string, string> fail)
    {
        var options = (given ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToList();
        if (options.Count == 0)
        {
            fail("options", "A choice needs options to choose from: write one per line.");
            return options;
        }

        if (options.Count > MaxOptions)
        {
            fail("options", $"Keep it to {MaxOptions} options or fewer (this has {options.Count}); a long list is hard to choose from.");
        }

        // Several chosen options travel as one answer, one per line, so an option cannot hold a line break.
        if (options.FirstOrDefault(o => o.Contains('\n', StringComparison.Ordinal) || o.Contains('\r', StringComparison.Ordinal)) is { } broken)
        {
            fail("options", $"Write each option on a line of its own: “{broken.ReplaceLineEndings(" ")}” spans several lines.");
        }

        if (options.FirstOrDefault(o => o.Length > OptionMaxLength) is { } longOne)
        {
            fail("options", $"Keep each option to {OptionMaxLength} characters or fewer; “{longOne[..40]}…” has {longOne.Length}.");
        }

        var twice = options.GroupBy(o => o, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            fail("options", $"“{twice.Key}” is in the options twice: list each option once.");
        }

        return options;
    }

    private static decimal? Number(string? text, string property, string what, Action<string, string> fail)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        fail(property, $"{what} must be a number, e.g. 1 or 2.5 (or leave it empty for no limit).");
        return null;
    }

    private static int? Length(string? text, Action<string, string> fail)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length is >= 1 and <= LongestAnswer)
        {
            return length;
        }

        fail("maxLength", $"The longest answer must be a whole number of characters from 1 to {LongestAnswer} (or leave it empty for no limit).");
        return null;
    }

    private static string Show(decimal number) => number.ToString(CultureInfo.InvariantCulture);
}
