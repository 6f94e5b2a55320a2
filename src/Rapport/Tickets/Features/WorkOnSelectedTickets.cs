using Rapport.Organisation.Contracts;
using Rapport.Platform.Errors;
using Rapport.Platform.Web;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

public static class BulkActions
{
    public const string Assign = "assign";
    public const string Resolve = "resolve";
    public const string Close = "close";

    public static readonly IReadOnlyList<string> All = [Assign, Resolve, Close];

    /// <summary>What was done to each ticket, as in "7 assigned".</summary>
    public static string Done(string action) => action switch
    {
        Assign => "assigned",
        Resolve => "resolved",
        Close => "closed",
        _ => action,
    };
}

/// <summary>A ticket someone ticked in a queue, with the version they saw.</summary>
public sealed record SelectedTicket(long Id, int? Version);

/// <param name="Action">One of <see cref="BulkActions"/>.</param>
public sealed record WorkOnSelection(
    string? Action, IReadOnlyList<SelectedTicket> Tickets, Guid? TeamId = null, Guid? AssigneeId = null, string? Note = null);

public sealed record SkippedTicket(long TicketId, string Why);

public sealed record SelectionOutcome(string Action, IReadOnlyList<long> Done, IReadOnlyList<SkippedTicket> Skipped);

/// <summary>
/// One action on many tickets of a queue: assign, resolve or close. Each ticket goes through the same
/// use case as on its own page, in its own unit of work, with its own events and version check: a
/// ticket that cannot take the action is skipped with the reason, and leaves nothing half-written.
/// </summary>
public sealed class WorkOnSelectedTickets(IServiceScopeFactory scopes, IOrganisationDirectory organisation)
{
    public const int MaxTickets = Paging.MaxPageSize;

    public async Task<Result<SelectionOutcome>> ApplyAsync(WorkOnSelection work, TicketViewer viewer, CancellationToken ct)
    {
        var problem = await CheckAsync(work, ct);
        if (problem is not null)
        {
            return problem;
        }

        var done = new List<long>();
        var skipped = new List<SkippedTicket>();
        foreach (var ticket in work.Tickets.DistinctBy(t => t.Id))
        {
            // A scope per ticket: a ticket that fails leaves no tracked change behind for the next one.
            await using var scope = scopes.CreateAsyncScope();
            var tickets = scope.ServiceProvider.GetRequiredService<WorkOnTicket>();
            var result = work.Action switch
            {
                BulkActions.Assign => await tickets.AssignAsync(new AssignTicket(ticket.Id, work.TeamId, work.AssigneeId, ticket.Version), viewer, ct),
                BulkActions.Resolve => await tickets.ChangeStateAsync(new ChangeTicketState(ticket.Id, TicketStates.Resolved, work.Note, ticket.Version), viewer, ct),
                _ => await tickets.ChangeStateAsync(new ChangeTicketState(ticket.Id, TicketStates.Closed, null, ticket.Version), viewer, ct),
            };
            if (result.Succeeded)
            {
                done.Add(ticket.Id);
            }
            else
            {
                skipped.Add(new SkippedTicket(ticket.Id, result.Error.Detail));
            }
        }

        return new SelectionOutcome(work.Action!, done, skipped);
    }

    /// <summary>What is wrong with the action itself, before any ticket is touched.</summary>
    private async Task<Invalid?> CheckAsync(WorkOnSelection work, CancellationToken ct)
    {
        if (work.Action is null || !BulkActions.All.Contains(work.Action))
        {
            return Invalid.Field("action", "Choose what to do with the selected tickets: assign, resolve or close.");
        }

        if (work.Tickets.Count == 0)
        {
            return Invalid.Field("tickets", "Select at least one ticket first: tick the boxes in the first column.");
        }

        if (work.Tickets.Count > MaxTickets)
        {
            return Invalid.Field("tickets", $"Select at most {MaxTickets} tickets at a time.");
        }

        if (work.Action == BulkActions.Resolve && string.IsNullOrWhiteSpace(work.Note))
        {
            return Invalid.Field("note", "Say how they were resolved: each requester reads this note.");
        }

        if (work.Action == BulkActions.Assign)
        {
            if (work.TeamId is not { } teamId || (await organisation.ListTeamsAsync(ct)).All(t => t.Id != teamId))
            {
                return Invalid.Field("assignTo", "Choose the team, and if you like the agent, to assign the tickets to.");
            }

            if (work.AssigneeId is { } person && (await organisation.ListTeamMembersAsync(teamId, ct)).All(m => m.Id != person))
            {
                return Invalid.Field("assignTo", "Choose someone from the team.");
            }
        }

        return null;
    }
}
