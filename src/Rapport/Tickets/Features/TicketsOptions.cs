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

    /// <summary>The largest file anyone may attach, in megabytes.</summary>
    [Range(1, 1_024)]
    public int MaxAttachmentMegabytes { get; set; } = 10;

    /// <summary>How many files one message (a request, a reply) may carry.</summary>
    [Range(1, 50)]
    public int MaxFilesPerMessage { get; set; } = 5;

    public long MaxAttachmentBytes => MaxAttachmentMegabytes * 1024L * 1024L;

    /// <summary>The most a request with files may weigh: every file at the limit, and room for the text.</summary>
    public long LargestMessageBytes => (MaxFilesPerMessage * MaxAttachmentBytes) + (1024L * 1024L);
}
