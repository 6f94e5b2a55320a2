using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>The person to add: by their id in the organisation, or by e-mail address.</summary>
public sealed record AddWatcher(long TicketId, Guid? PersonId, string? Email);

public sealed record RemoveWatcher(long TicketId, Guid PersonId);

/// <summary>
/// Who follows a ticket. Agents of the ticket add and remove anyone; its requester adds and removes
/// colleagues; everyone who can see the ticket watches or stops watching it themselves.
/// </summary>
public sealed class WatchTicket(TicketChanges changes, RapportDb db, IOrganisationDirectory organisation, TimeProvider time)
{
    public async Task<Result<TicketWatcher>> AddAsync(AddWatcher command, TicketViewer viewer, CancellationToken ct)
    {
        var person = await FindPersonAsync(command, ct);
        if (!person.Succeeded)
        {
            return person.Error;
        }

        var watchers = await WatchersAsync(command.TicketId, ct);
        var now = time.GetUtcNow();
        var watcher = new TicketWatcher { TicketId = command.TicketId, PersonId = person.Value.Id, AddedAt = now };
        var result = await changes.ApplyAsync(command.TicketId, viewer, null, needsAgent: false, ticket =>
        {
            if (!MayChooseWatchers(viewer, ticket) && person.Value.Id != viewer.PersonId)
            {
                return new ForbiddenError("tickets.watchers-chosen-by-others",
                    "Only the requester and the ticket's agents add other people as watchers. You may watch it yourself.");
            }

            var decision = ticket.AddWatcher(person.Value.Id, person.Value.DisplayName, [.. watchers.Select(w => w.PersonId)], now);
            if (decision.Succeeded)
            {
                db.Add(watcher);
            }

            return TicketChanges.One(decision);
        }, ct);
        return result.Succeeded ? watcher : result.Error;
    }

    public async Task<Result<Ticket>> RemoveAsync(RemoveWatcher command, TicketViewer viewer, CancellationToken ct)
    {
        var watchers = await WatchersAsync(command.TicketId, ct);
        var name = await organisation.ListPeopleAsync([command.PersonId], ct) is [var person, ..] ? person.DisplayName : "This person";
        var now = time.GetUtcNow();
        return await changes.ApplyAsync(command.TicketId, viewer, null, needsAgent: false, ticket =>
        {
            if (!MayChooseWatchers(viewer, ticket) && command.PersonId != viewer.PersonId)
            {
                return new ForbiddenError("tickets.watchers-chosen-by-others",
                    "Only the requester and the ticket's agents remove other people from the watchers. You may stop watching yourself.");
            }

            var decision = ticket.RemoveWatcher(command.PersonId, name, [.. watchers.Select(w => w.PersonId)], now);
            if (decision.Succeeded)
            {
                db.Remove(watchers.Single(w => w.PersonId == command.PersonId));
            }

            return TicketChanges.One(decision);
        }, ct);
    }

    public static bool MayChooseWatchers(TicketViewer viewer, Ticket ticket) => viewer.CanWorkOn(ticket) || viewer.IsRequesterOf(ticket);

    private Task<List<TicketWatcher>> WatchersAsync(long ticketId, CancellationToken ct) =>
        db.Set<TicketWatcher>().Where(w => w.TicketId == ticketId).ToListAsync(ct);

    private async Task<Result<PersonDto>> FindPersonAsync(AddWatcher command, CancellationToken ct)
    {
        if (command.PersonId is { } personId)
        {
            return await organisation.FindPersonAsync(personId, ct) is { } byId
                ? byId
                : Invalid.Field("personId", "There is nobody with this id in the organisation.");
        }

        var email = command.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            return Invalid.Field("email", "Give the e-mail address of the person to add.");
        }

        return await organisation.FindPersonByEmailAsync(email, ct) is { } byEmail
            ? byEmail
            : Invalid.Field("email", $"Nobody in the organisation has the e-mail address {email}.");
    }
}
