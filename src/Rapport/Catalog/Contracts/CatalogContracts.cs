using Rapport.Platform.Events;

namespace Rapport.Catalog.Contracts;

/// <summary>The kinds of question a request form may ask, as other modules see them.</summary>
public static class FormFieldKinds
{
    public const string Text = "text";
    public const string LongText = "long-text";
    public const string Number = "number";
    public const string Date = "date";
    public const string Choice = "choice";
    public const string MultiChoice = "multi-choice";
    public const string Person = "person";

    /// <summary>Files: the answer is their names, one per line; the files themselves go with the ticket.</summary>
    public const string Attachment = "attachment";
}

public sealed record FormFieldDto(
    string Key, string Label, string Kind, bool Required, string? Help, IReadOnlyList<string> Options,
    decimal? Min, decimal? Max, int? MaxLength);

/// <param name="Version">Goes up with every change: send it back when changing the service, so that nobody's change is lost.</param>
public sealed record ServiceDto(
    Guid Id, string Key, string Name, string Description, string Category, string DefaultType,
    Guid DepartmentId, bool IsPublished, IReadOnlyList<FormFieldDto> Fields, int Version);

/// <summary>Read-only questions other modules may ask the catalog.</summary>
public interface ICatalog
{
    Task<IReadOnlyList<ServiceDto>> ListServicesAsync(bool publishedOnly, CancellationToken ct);

    Task<ServiceDto?> FindServiceAsync(Guid serviceId, CancellationToken ct);

    Task<ServiceDto?> FindServiceByKeyAsync(string key, CancellationToken ct);

    /// <summary>The priority the matrix gives to an impact and an urgency (low, medium, high).</summary>
    Task<string> PriorityOfAsync(string impact, string urgency, CancellationToken ct);

    /// <summary>What is wrong with answers to a service's form: field key → message. Empty when all is well.</summary>
    IReadOnlyDictionary<string, string> CheckAnswers(ServiceDto service, IReadOnlyDictionary<string, string?> answers);
}

// Description, DefaultType and IsPublished came later: older events lack them, and readers take them as unknown.
[EventName("catalog.service-added")]
public sealed record ServiceAdded(
    Guid ServiceId, Guid DepartmentId, string Key, string Name, string Category,
    string? Description = null, string? DefaultType = null, bool? IsPublished = null) : IEvent;

/// <summary>A service's details or its place on the portal changed; the state after the change.</summary>
[EventName("catalog.service-changed")]
public sealed record ServiceChanged(
    Guid ServiceId, Guid DepartmentId, string Name, string Category, bool IsPublished, int FieldCount,
    string? Description = null, string? DefaultType = null) : IEvent;

/// <summary>A service's request form changed: the whole form after the change, in order.</summary>
[EventName("catalog.request-form-changed")]
public sealed record RequestFormChanged(Guid ServiceId, IReadOnlyList<FormFieldDto> Fields) : IEvent;

[EventName("catalog.priority-matrix-changed")]
public sealed record PriorityMatrixChanged(string Impact, string Urgency, string Priority) : IEvent;
