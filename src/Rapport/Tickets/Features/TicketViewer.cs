using System.Security.Claims;
using Rapport.Organisation.Contracts;
using Rapport.Platform;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>
/// Who is looking, and so what they may see: requesters their own tickets; agents the tickets of
/// their departments (and their own); administrators everything.
/// </summary>
public sealed record TicketViewer(
    Guid? PersonId, string Name, bool IsAdmin, bool IsStaff, IReadOnlyList<Guid> DepartmentIds, IReadOnlyList<Guid> TeamIds,
    Guid? BusinessUnitId = null)
{
    public bool CanWorkOn(Ticket ticket) => IsAdmin || (IsStaff && DepartmentIds.Contains(ticket.DepartmentId));

    public bool CanSee(Ticket ticket) => CanWorkOn(ticket) || ticket.RequesterId == PersonId;
}

public sealed class TicketViewers(IOrganisationDirectory organisation)
{
    public async Task<TicketViewer> ForAsync(ClaimsPrincipal user, CancellationToken ct)
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
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, TicketViewer viewer)
    {
        if (viewer.IsAdmin)
        {
            return tickets;
        }

        var me = viewer.PersonId ?? Guid.Empty;
        var departments = viewer.IsStaff ? viewer.DepartmentIds.ToList() : [];
        return tickets.Where(t => t.RequesterId == me || departments.Contains(t.DepartmentId));
    }
}
