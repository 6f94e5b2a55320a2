namespace Rapport.Platform.Events;

public enum ActorKind
{
    System = 0,
    Agent = 1,
    Requester = 2,
}

/// <summary>Who caused a change: a signed-in person, a token's owner, or the system itself.</summary>
public sealed record Actor(ActorKind Kind, string? Id, string? Name)
{
    public static readonly Actor System = new(ActorKind.System, null, "Rapport");
}
