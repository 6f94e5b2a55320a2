namespace Rapport.Platform;

/// <summary>The roles a person can hold. Names are stored; change them never.</summary>
public static class RapportRoles
{
    public const string Requester = "requester";
    public const string Agent = "agent";
    public const string TeamLead = "team-lead";
    public const string RelationshipManager = "relationship-manager";
    public const string Facilitator = "facilitator";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All =
        [Requester, Agent, TeamLead, RelationshipManager, Facilitator, Administrator];

    /// <summary>Roles that work on the provider side: they use the Desk.</summary>
    public static readonly IReadOnlyList<string> Staff = [Agent, TeamLead, Administrator];

    /// <summary>Roles that see Insights.</summary>
    public static readonly IReadOnlyList<string> Insight = [TeamLead, RelationshipManager, Facilitator, Administrator];

    public static string Label(string role) => role switch
    {
        Requester => "Requester",
        Agent => "Agent",
        TeamLead => "Team lead",
        RelationshipManager => "Relationship manager",
        Facilitator => "Facilitator",
        Administrator => "Administrator",
        _ => role,
    };
}

/// <summary>Authorisation policy names, one per area of the product.</summary>
public static class RapportPolicies
{
    public const string Desk = "desk";
    public const string Insights = "insights";
    public const string Admin = "admin";
    public const string Api = "api";
}
