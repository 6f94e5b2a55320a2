using System.Text.Json;
using Rapport.Catalog.Contracts;
using Rapport.Platform.Events;

namespace Rapport.Catalog.Features;

/// <summary>
/// A service's history in sentences. Its events carry the state after each change, so what changed is
/// told against the event before: "renamed it to …", "added the field …".
/// </summary>
public static class ServiceHistoryText
{
    /// <summary>One sentence per event, in the order given (oldest first).</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<(string Type, string Payload)> events, Func<Guid, string?> departmentName)
    {
        var sentences = new List<string>(events.Count);
        ServiceState? before = null;
        List<FormFieldDto>? form = null;
        foreach (var (type, payload) in events)
        {
            switch (type)
            {
                case "catalog.service-added":
                    var added = JsonSerializer.Deserialize<ServiceAdded>(payload, EventJson.Options)!;
                    before = new ServiceState(added.DepartmentId, added.Name, added.Category, added.Description, added.DefaultType, added.IsPublished);
                    sentences.Add($"added the service “{added.Name}”"
                        + (departmentName(added.DepartmentId) is { } department ? $" to {department}" : "")
                        + added.IsPublished switch { true => ", published", false => " as a draft", null => "" });
                    break;
                case "catalog.service-changed":
                    var changed = JsonSerializer.Deserialize<ServiceChanged>(payload, EventJson.Options)!;
                    var after = new ServiceState(changed.DepartmentId, changed.Name, changed.Category, changed.Description, changed.DefaultType, changed.IsPublished);
                    sentences.Add(Changes(before, after, departmentName));
                    before = after;
                    break;
                case "catalog.request-form-changed":
                    var fields = JsonSerializer.Deserialize<RequestFormChanged>(payload, EventJson.Options)!.Fields;
                    sentences.Add(FormChanges(form, fields));
                    form = [.. fields];
                    break;
                default:
                    sentences.Add(type);
                    break;
            }
        }

        return sentences;
    }

    private static string Changes(ServiceState? before, ServiceState after, Func<Guid, string?> departmentName)
    {
        if (before is null)
        {
            return $"changed the service: “{after.Name}”, {(after.IsPublished == true ? "published" : "a draft")}";
        }

        var parts = new List<string>();
        if (after.Name != before.Name)
        {
            parts.Add($"renamed it to “{after.Name}”");
        }

        if (after.DepartmentId != before.DepartmentId)
        {
            parts.Add($"moved it to {departmentName(after.DepartmentId) ?? "another department"}");
        }

        if (after.Category != before.Category)
        {
            parts.Add(after.Category.Length == 0 ? "took it out of its category" : $"put it in the category “{after.Category}”");
        }

        if (after.Description is not null && before.Description is not null && after.Description != before.Description)
        {
            parts.Add("rewrote the description");
        }

        if (after.DefaultType is not null && before.DefaultType is not null && after.DefaultType != before.DefaultType)
        {
            parts.Add($"made new requests start as {after.DefaultType}");
        }

        if (after.IsPublished != before.IsPublished && after.IsPublished is { } published)
        {
            parts.Add(published ? "published it on the portal" : "took it off the portal");
        }

        return parts.Count == 0 ? "changed the details" : Join(parts);
    }

    private static string FormChanges(List<FormFieldDto>? before, IReadOnlyList<FormFieldDto> after)
    {
        if (before is null)
        {
            return after.Count switch
            {
                0 => "emptied the request form",
                1 => $"set the request form: “{after[0].Label}”",
                _ => $"set the request form: {after.Count} fields",
            };
        }

        var parts = new List<string>();
        var added = after.Where(f => before.All(b => b.Key != f.Key)).ToList();
        var removed = before.Where(b => after.All(f => f.Key != b.Key)).ToList();
        var changed = after.Where(f => before.FirstOrDefault(b => b.Key == f.Key) is { } b && !Same(b, f)).ToList();
        parts.AddRange(added.Select(f => $"added the field “{f.Label}”"));
        parts.AddRange(changed.Select(f => $"changed the field “{f.Label}”"));
        parts.AddRange(removed.Select(f => $"removed the field “{f.Label}”"));
        var kept = before.Where(b => after.Any(f => f.Key == b.Key)).Select(b => b.Key);
        if (!kept.SequenceEqual(after.Where(f => before.Any(b => b.Key == f.Key)).Select(f => f.Key), StringComparer.Ordinal))
        {
            parts.Add("changed the order of the fields");
        }

        return parts.Count == 0 ? "saved the request form unchanged" : Join(parts);
    }

    private static bool Same(FormFieldDto a, FormFieldDto b) =>
        JsonSerializer.Serialize(a, EventJson.Options) == JsonSerializer.Serialize(b, EventJson.Options);

    private static string Join(List<string> parts) =>
        parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";

    private sealed record ServiceState(Guid DepartmentId, string Name, string Category, string? Description, string? DefaultType, bool? IsPublished);
}
