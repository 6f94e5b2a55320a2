using System.Security.Claims;

namespace Rapport.Platform.Events;

/// <summary>Who is acting in this scope: the signed-in user or token owner, or whoever a command says.</summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    private Actor? _override;

    public Actor Get()
    {
        if (_override is not null)
        {
            return _override;
        }

        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Actor.System;
        }

        var kind = RapportRoles.Staff.Any(user.IsInRole) ? ActorKind.Agent : ActorKind.Requester;
        return new Actor(kind, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name);
    }

    /// <summary>Acts as <paramref name="actor"/> for the rest of this scope (commands, jobs, seeds).</summary>
    public void Use(Actor actor) => _override = actor;
}
