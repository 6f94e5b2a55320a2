namespace Rapport.Tickets.Domain;

/// <summary>
/// A file attached to a ticket (and to the comment it came with, if any). The bytes live outside the
/// database, in the data folder, named by their SHA-256: the same file twice is stored once.
/// </summary>
public sealed class TicketAttachment
{
    public Guid Id { get; init; }

    public long TicketId { get; init; }

    public Guid? CommentId { get; init; }

    /// <summary>The name it had on the sender's machine, cleaned of paths.</summary>
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content: its address in the file store.</summary>
    public required string Sha256 { get; init; }

    public Guid UploadedBy { get; init; }

    /// <summary>Attachments of internal notes are for agents only.</summary>
    public bool IsInternal { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Someone who follows a ticket they did not raise: they see it and hear of its replies.</summary>
public sealed class TicketWatcher
{
    public long TicketId { get; init; }

    public Guid PersonId { get; init; }

    public DateTimeOffset AddedAt { get; init; }
}

/// <summary>A relation between two tickets.</summary>
public sealed class TicketLink
{
    public Guid Id { get; init; }

    public long TicketId { get; init; }

    public long OtherTicketId { get; init; }

    /// <summary>related, duplicate-of, caused-by (read: TicketId is a duplicate of / caused by OtherTicketId).</summary>
    public required string Kind { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public static class TicketLinkKinds
{
    public const string Related = "related";
    public const string DuplicateOf = "duplicate-of";
    public const string CausedBy = "caused-by";

    public static readonly IReadOnlyList<string> All = [Related, DuplicateOf, CausedBy];
}

/// <summary>A free label on a ticket, for finding and grouping: "vpn", "new-starter".</summary>
public sealed class TicketTag
{
    public long TicketId { get; init; }

    public required string Tag { get; init; }
}

/// <summary>A queue someone saved: a filter and a sort with a name, for themselves or their team.</summary>
public sealed class SavedView
{
    public Guid Id { get; init; }

    /// <summary>The person who made it.</summary>
    public Guid OwnerId { get; init; }

    /// <summary>Shared with everyone who may open the Desk; otherwise only the owner sees it.</summary>
    public bool IsShared { get; set; }

    public required string Name { get; set; }

    /// <summary>The filter and sort as a query string: "queue=team&amp;state=active&amp;priority=high&amp;sort=updated".</summary>
    public required string Query { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; }
}

/// <summary>
/// A routing rule: when a new ticket matches its conditions, it goes to a team and, optionally, to
/// one of the team's people in turn (round robin) or to whoever has least open work (least loaded).
/// Rules run in order; the first that matches wins.
/// </summary>
public sealed class RoutingRule
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>Position in the list: lower runs first.</summary>
    public int Position { get; set; }

    public bool IsEnabled { get; set; } = true;

    /// <summary>Conditions; every given one must hold.</summary>
    public RoutingConditions Conditions { get; set; } = new();

    public Guid TeamId { get; set; }

    /// <summary>none, round-robin, least-loaded.</summary>
    public string Assignment { get; set; } = RoutingAssignments.None;

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; }
}

public sealed class RoutingConditions
{
    public List<Guid> ServiceIds { get; set; } = [];

    public List<string> Types { get; set; } = [];

    public List<Guid> BusinessUnitIds { get; set; } = [];

    /// <summary>Words of which at least one must appear in the subject (case-insensitive).</summary>
    public List<string> SubjectWords { get; set; } = [];

    /// <summary>A form answer that must equal a value: field key → value.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];
}

public static class RoutingAssignments
{
    public const string None = "none";
    public const string RoundRobin = "round-robin";
    public const string LeastLoaded = "least-loaded";

    public static readonly IReadOnlyList<string> All = [None, RoundRobin, LeastLoaded];
}

/// <summary>Whose turn it is next in a team, for round-robin routing.</summary>
public sealed class TeamRotation
{
    public Guid TeamId { get; init; }

    public Guid? LastAssigneeId { get; set; }

    public int Version { get; set; }
}
