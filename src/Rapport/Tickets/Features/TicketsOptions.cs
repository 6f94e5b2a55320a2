using System.ComponentModel.DataAnnotations;

namespace Rapport.Tickets.Features;

/// <summary>Settings of the Tickets module, bound from "Tickets".</summary>
public sealed class TicketsOptions
{
    public const string Section = "Tickets";

    /// <summary>A requester's reply reopens a resolved ticket for this many days after it was resolved.</summary>
    [Range(0, 365)]
    public int ReopenWindowDays { get; set; } = 7;

    public TimeSpan ReopenWindow => TimeSpan.FromDays(ReopenWindowDays);
}
