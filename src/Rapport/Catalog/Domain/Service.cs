using Rapport.Catalog.Contracts;

namespace Rapport.Catalog.Domain;

/// <summary>Something a department offers its customers, with the form a request for it takes.</summary>
public sealed class Service
{
    public Guid Id { get; init; }

    public Guid DepartmentId { get; set; }

    /// <summary>Short, stable, URL-safe name: "new-laptop".</summary>
    public required string Key { get; init; }

    public required string Name { get; set; }

    /// <summary>What a customer gets, in their words.</summary>
    public string Description { get; set; } = "";

    /// <summary>A grouping in the catalog: "Hardware", "Pay and leave".</summary>
    public string Category { get; set; } = "";

    /// <summary>The ticket type a request for this service starts as: incident, request, question, complaint.</summary>
    public string DefaultType { get; set; } = "request";

    public List<FormField> Fields { get; set; } = [];

    public bool IsPublished { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; }
}

/// <summary>One question of a request form.</summary>
public sealed class FormField
{
    /// <summary>Stable key of the answer: "asset-tag".</summary>
    public required string Key { get; set; }

    public required string Label { get; set; }

    /// <summary>text, long-text, number, date, choice, multi-choice, person, attachment.</summary>
    public string Kind { get; set; } = FieldKinds.Text;

    public bool Required { get; set; }

    public string? Help { get; set; }

    public List<string> Options { get; set; } = [];

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public int? MaxLength { get; set; }
}

public static class FieldKinds
{
    public const string Text = FormFieldKinds.Text;
    public const string LongText = FormFieldKinds.LongText;
    public const string Number = FormFieldKinds.Number;
    public const string Date = FormFieldKinds.Date;
    public const string Choice = FormFieldKinds.Choice;
    public const string MultiChoice = FormFieldKinds.MultiChoice;
    public const string Person = FormFieldKinds.Person;
    public const string Attachment = FormFieldKinds.Attachment;

    public static readonly IReadOnlyList<string> All = [Text, LongText, Number, Date, Choice, MultiChoice, Person, Attachment];
}
