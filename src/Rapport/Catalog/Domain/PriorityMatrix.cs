namespace Rapport.Catalog.Domain;

/// <summary>
/// One cell of the impact × urgency matrix: how many are affected and how soon it hurts decide the
/// priority. An administrator may change any cell.
/// </summary>
public sealed class PriorityMatrixCell
{
    public required string Impact { get; init; }

    public required string Urgency { get; init; }

    public required string Priority { get; set; }
}

public static class Levels
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";

    public static readonly IReadOnlyList<string> All = [Low, Medium, High];
}

public static class Priorities
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    /// <summary>Most pressing first.</summary>
    public static readonly IReadOnlyList<string> All = [Critical, High, Medium, Low];

    /// <summary>The matrix a new Rapport starts with (ITIL's usual shape).</summary>
    public static string Default(string impact, string urgency) => (impact, urgency) switch
    {
        (Levels.High, Levels.High) => Critical,
        (Levels.High, Levels.Medium) or (Levels.Medium, Levels.High) => High,
        (Levels.High, Levels.Low) or (Levels.Medium, Levels.Medium) or (Levels.Low, Levels.High) => Medium,
        _ => Low,
    };
}
