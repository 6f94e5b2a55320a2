namespace Rapport.Clocks.Domain;

/// <summary>The priorities a promise sets targets for, most pressing first (the tickets' own words).</summary>
public static class PromisePriorities
{
    public static readonly IReadOnlyList<string> All = ["critical", "high", "medium", "low"];
}
