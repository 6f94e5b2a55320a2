using Rapport.Platform;
using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Domain;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Catalog.Features;

/// <summary>A service's details as an administrator typed them.</summary>
public sealed record ServiceDetails(Guid? DepartmentId, string? Name, string? Description, string? Category, string? DefaultType);

/// <summary>A service's details, checked and tidied.</summary>
public sealed record CheckedDetails(Guid DepartmentId, string Name, string Description, string Category, string DefaultType);

/// <summary>
/// Checks what an administrator typed for a service, every field at once, each problem named by its field
/// (<c>departmentId</c>, <c>key</c>, <c>name</c>, <c>fields[0].options</c>…), so that pages show it next to
/// the input and the API names it.
/// </summary>
public sealed class ServiceInputCheck(RapportDb db, IOrganisationDirectory organisation)
{
    public const int KeyMaxLength = 60;
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 2000;
    public const int CategoryMaxLength = 80;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Failed => _errors.Count > 0;

    public Invalid Error => new("catalog.invalid-service", string.Join(" ", _errors.Values.SelectMany(m => m)), _errors);

    public void Fail(string field, string message) => _errors.TryAdd(field, [message]);

    public async Task<CheckedDetails?> DetailsAsync(ServiceDetails details, CancellationToken ct)
    {
        var departments = await organisation.ListDepartmentsAsync(ct);
        var department = departments.FirstOrDefault(d => d.Id == details.DepartmentId);
        if (department is null)
        {
            Fail("departmentId", details.DepartmentId is null
                ? "Choose the department that provides the service."
                : "That department does not exist or is archived. Choose one from the list.");
        }

        var name = details.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Fail("name", "Give the service a name as customers would say it, e.g. “A new laptop”.");
        }
        else if (name.Length > NameMaxLength)
        {
            Fail("name", $"Keep the name to {NameMaxLength} characters or fewer (this has {name.Length}); say more in the description.");
        }

        var description = details.Description?.Trim() ?? "";
        if (description.Length > DescriptionMaxLength)
        {
            Fail("description", $"Keep the description to {DescriptionMaxLength} characters or fewer (this has {description.Length}).");
        }

        var category = details.Category?.Trim() ?? "";
        if (category.Length > CategoryMaxLength)
        {
            Fail("category", $"Keep the category to {CategoryMaxLength} characters or fewer (this has {category.Length}).");
        }

        var type = string.IsNullOrWhiteSpace(details.DefaultType) ? DefaultTypes.Request : details.DefaultType.Trim();
        if (!DefaultTypes.All.Contains(type))
        {
            Fail("defaultType", $"Choose what a request starts as: {string.Join(", ", DefaultTypes.All)}.");
        }

        return department is null || Failed ? null : new CheckedDetails(department.Id, name, description, category, type);
    }

    /// <summary>The key of a new service; made from <paramref name="name"/> when left empty.</summary>
    public async Task<string> KeyAsync(string? key, string? name, CancellationToken ct)
    {
        var given = key?.Trim() ?? "";
        var made = given.Length == 0 ? UrlSafeKey.From(name ?? "", KeyMaxLength) : given;
        if (made.Length == 0)
        {
            // A name of only symbols makes no key; the name's own message says what to write.
            if (given.Length == 0 && !string.IsNullOrWhiteSpace(name))
            {
                Fail("key", "Give the service a key for its address, e.g. “new-laptop”.");
            }

            return made;
        }

        if (!UrlSafeKey.IsValid(made, KeyMaxLength))
        {
            Fail("key", $"Use lowercase letters, digits and single dashes for the key, at most {KeyMaxLength}, e.g. “new-laptop”: it is part of the portal's address.");
        }
        else if (await TakenAsync(made, ct) is { } taken)
        {
            Fail("key", taken);
        }

        return made;
    }

    /// <summary>The checked form, or null when it has problems (they join the others).</summary>
    public List<FormField>? Form(IReadOnlyList<FormFieldDraft> drafts)
    {
        var form = RequestFormDesign.Check(drafts);
        if (form.Succeeded)
        {
            return form.Value;
        }

        foreach (var (field, messages) in form.Error is Invalid invalid ? invalid.Fields : new Dictionary<string, string[]> { ["fields"] = [form.Error.Detail] })
        {
            _errors.TryAdd(field, messages);
        }

        return null;
    }

    /// <summary>Why <paramref name="key"/> cannot be used, or null when it is free.</summary>
    public async Task<string?> TakenAsync(string key, CancellationToken ct) =>
        await db.Set<Service>().AsNoTracking().Where(s => s.Key == key).Select(s => s.Name).FirstOrDefaultAsync(ct) is { } owner
            ? $"The key “{key}” belongs to the service “{owner}” already. Choose another key."
            : null;
}
