using System.ComponentModel.DataAnnotations;

namespace Rapport.Clocks.Features;

/// <summary>Settings of the Clocks module, bound from "Clocks".</summary>
public sealed class ClocksOptions
{
    public const string Section = "Clocks";

    /// <summary>Look for clocks at risk and breached in this process (every node may; each alarm fires once).</summary>
    public bool Watch { get; set; } = true;

    [Range(1, 3_600)]
    public int WatchIntervalSeconds { get; set; } = 30;

    /// <summary>The promise editor warns when the text reads harder than this Flesch reading ease (60: plain English).</summary>
    [Range(0, 100)]
    public int ReadabilityThreshold { get; set; } = 60;
}
