using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Platform;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>
/// Who is looking, and so what they may see: requesters their own tickets; agents the tickets of
/// their departments (and their own); administrators everything; and everyone the tickets they watch.
/// </summary>
public sealed record TicketViewer(
    Guid? PersonId, string Name, bool IsAdmin, bool IsStaff, IReadOnlyList<Guid> DepartmentIds, IReadOnlyList<Guid> TeamIds,
    Guid? BusinessUnitId = null)
{
    public bool CanWorkOn(Ticket ticket) => IsAdmin || (IsStaff && DepartmentIds.Contains(ticket.DepartmentId));

    /// <param name="watching">Whether the viewer watches the ticket (see <see cref="TicketVisibility.CanSeeAsync"/>).</param>
    public bool CanSee(Ticket ticket, bool watching) => CanWorkOn(ticket) || IsRequesterOf(ticket) || watching;

    public bool IsRequesterOf(Ticket ticket) => PersonId is { } me && ticket.RequesterId == me;
}

public sealed class TicketViewers(IOrganisationDirectory organisation)
{
    // A page and the components on it ask in the same request, some at the same time: the directory
    // is read once, and everyone awaits that one reading.
    private (ClaimsPrincipal User, Task<TicketViewer> Viewer)? _last;

    public Task<TicketViewer> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (_last is { } last && ReferenceEquals(last.User, user) && !last.Viewer.IsFaulted && !last.Viewer.IsCanceled)
        {
            return last.Viewer;
        }

        var viewer = ReadAsync(user, ct);
        _last = (user, viewer);
        return viewer;
    }

    private async Task<TicketViewer> ReadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var accountId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        var person = accountId == Guid.Empty ? null : await organisation.FindPersonByAccountAsync(accountId, ct);
        return new TicketViewer(
            person?.Id,
            person?.DisplayName ?? user.Identity?.Name ?? "",
            user.IsInRole(RapportRoles.Administrator),
            RapportRoles.Staff.Any(user.IsInRole),
            person?.DepartmentIds ?? [],
            [.. person?.Memberships.Select(m => m.Team.Id) ?? []],
            person?.BusinessUnit?.Id);
    }
}

public static class TicketVisibility
{
    /// <param name="watchers">All watchers (the set, not loaded): a watched ticket is visible to its watcher.</param>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, TicketViewer viewer, IQueryable<TicketWatcher> watchers)
    {
        if (viewer.IsAdmin)
        {
            return tickets;
        }

        var me = viewer.PersonId ?? Guid.Empty;
        var departments = viewer.IsStaff ? viewer.DepartmentIds.ToList() : [];
        var watched = watchers.Where(w => w.PersonId == me).Select(w => w.TicketId);
        return tickets.Where(t => t.RequesterId == me || departments.Contains(t.DepartmentId) || watched.Contains(t.Id));
    }

    /// <summary><see cref="TicketViewer.CanSee"/>, asking the database whether the viewer watches only when it matters.</summary>
    public static async Task<bool> CanSeeAsync(this TicketViewer viewer, Ticket ticket, IQueryable<TicketWatcher> watchers, CancellationToken ct) =>
        viewer.CanSee(ticket, watching: false)
        || (viewer.PersonId is { } me && await watchers.AnyAsync(w => w.TicketId == ticket.Id && w.PersonId == me, ct));
}
