namespace Rapport.Organisation.Domain;

/// <summary>A service provider inside the organisation: IT, HR, Facilities, Finance…</summary>
public sealed class Department
{
    public Guid Id { get; init; }

    /// <summary>Short, stable, URL-safe name: "it", "hr".</summary>
    public required string Key { get; init; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; set; }
}

/// <summary>A group of people in a department who take work together (a routing group).</summary>
public sealed class Team
{
    public Guid Id { get; init; }

    public Guid DepartmentId { get; set; }

    public required string Key { get; init; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>A customer inside the organisation: Sales, Marketing, Operations…</summary>
public sealed class BusinessUnit
{
    public Guid Id { get; init; }

    public required string Key { get; init; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>Someone in the organisation. May have a sign-in account (Accounts) or not (yet).</summary>
public sealed class Person
{
    public Guid Id { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>Lower-case e-mail address; unique.</summary>
    public required string Email { get; set; }

    public string? JobTitle { get; set; }

    public Guid? BusinessUnitId { get; set; }

    public Guid? AccountId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; }
}

/// <summary>A person's place in a team.</summary>
public sealed class TeamMember
{
    public Guid TeamId { get; init; }

    public Guid PersonId { get; init; }

    public bool IsLead { get; set; }
}
