using Rapport.Catalog.Contracts;
using Rapport.Catalog.Domain;

namespace Rapport.Catalog.Api;

/// <summary>The examples the API reference shows for the catalog's endpoints.</summary>
internal static class CatalogExamples
{
    private static readonly Guid Id = Guid.Parse("01973a52-7c1e-7d3a-9b1f-2a6c0e5d4b11");
    private static readonly Guid Facilities = Guid.Parse("01973a52-6a00-7c2b-8e0d-5f4a3b2c1d00");

    private static readonly FormFieldRequest[] Fields =
    [
        new("room", "Which room?", FieldKinds.Text, true, "Building, floor and room, e.g. B2.14.", null, null, null, 40),
        new("height", "Your height in cm", FieldKinds.Number, false, null, null, 120, 220, null),
        new("colour", "Colour", FieldKinds.Choice, false, null, ["Oak", "White"], null, null, null),
    ];

    public static readonly AddServiceRequest AddService = new(
        Facilities, "standing-desk", "A standing desk", "We bring it to your desk and set it up with you.", "Furniture", DefaultTypes.Request, true, Fields);

    public static readonly ChangeServiceRequest ChangeService = new(
        1, Facilities, null, "A standing desk", "We bring it to your desk and set it up with you.", "Furniture", DefaultTypes.Request, true, Fields);

    public static readonly ServiceDto Service = new(
        Id, "standing-desk", "A standing desk", "We bring it to your desk and set it up with you.", "Furniture", DefaultTypes.Request, Facilities, true,
        [.. Fields.Select(f => new FormFieldDto(f.Key!, f.Label!, f.Kind!, f.Required ?? false, f.Help, [.. (f.Options ?? []).OfType<string>()], f.Min, f.Max, f.MaxLength))], 1);

    public static readonly ChangePriorityMatrixRequest ChangeMatrix = new(
        [.. from impact in Levels.All from urgency in Levels.All select new PriorityCellRequest(impact, urgency, Priorities.Default(impact, urgency))]);

    public static readonly PriorityMatrixResponse Matrix = new(
        Levels.All, Priorities.All,
        [.. from impact in Levels.All from urgency in Levels.All select new PriorityCellResponse(impact, urgency, Priorities.Default(impact, urgency))]);
}
