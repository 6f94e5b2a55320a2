using Microsoft.Extensions.Options;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Web;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

public sealed record ReplyToTicket(long TicketId, string? Body, bool Internal, int? ExpectedVersion = null);

public sealed record ChangeTicketState(long TicketId, string State, string? Note, int? ExpectedVersion = null);

public sealed record AssignTicket(long TicketId, Guid? TeamId, Guid? AssigneeId, int? ExpectedVersion = null);

public sealed record EditTicket(long TicketId, string? Subject, string? Type, int? ExpectedVersion = null);

public sealed record OverrideTicketPriority(long TicketId, string Priority, string? Reason, int? ExpectedVersion = null);

/// <summary>What people do on a ticket after it is open: reply, note, move, assign, re-prioritise.</summary>
public sealed class WorkOnTicket(
    TicketChanges changes,
    RapportDb db,
    MarkdownRenderer markdown,
    IOrganisationDirectory organisation,
    IOptions<TicketsOptions> options,
    TimeProvider time)
{
    public const int MaxBody = 20_000;

    public Task<Result<Ticket>> ReplyAsync(ReplyToTicket command, TicketViewer viewer, CancellationToken ct)
    {
        var body = command.Body?.Trim() ?? "";
        if (body.Length == 0)
        {
            return Task.FromResult<Result<Ticket>>(Invalid.Field("body", "Write a message first."));
        }

        if (body.Length > MaxBody)
        {
            return Task.FromResult<Result<Ticket>>(Invalid.Field("body", $"A message can be at most {MaxBody} characters."));
        }

        if (viewer.PersonId is not { } author)
        {
            return Task.FromResult<Result<Ticket>>(new ForbiddenError("tickets.no-person", "Your profile in the organisation is not set up yet."));
        }

        var now = time.GetUtcNow();
        return changes.ApplyAsync(command.TicketId, viewer, command.ExpectedVersion, needsAgent: command.Internal, ticket =>
        {
            var asAgent = viewer.CanWorkOn(ticket) && ticket.RequesterId != author;
            var comment = new TicketComment
            {
                Id = Guid.CreateVersion7(now),
                TicketId = ticket.Id,
                AuthorId = author,
                AuthorName = viewer.Name,
                ByAgent = asAgent,
                IsInternal = command.Internal,
                Body = body,
                BodyHtml = markdown.ToHtml(body),
                CreatedAt = now,
            };
            var decision = ticket.Reply(comment.Id, author, asAgent, command.Internal, now, options.Value.ReopenWindow);
            if (decision.Succeeded)
            {
                db.Add(comment);
            }

            return decision;
        }, ct);
    }

    public Task<Result<Ticket>> ChangeStateAsync(ChangeTicketState command, TicketViewer viewer, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return changes.ApplyAsync(command.TicketId, viewer, command.ExpectedVersion, needsAgent: !IsRequesterMove(command.State), ticket =>
        {
            // A requester may reopen their resolved ticket, or close it; every other move is an agent's.
            if (!viewer.CanWorkOn(ticket) && !viewer.IsRequesterOf(ticket))
            {
                return new ForbiddenError("tickets.agents-only", "Only the requester and agents may change the state of this ticket.");
            }

            if (!viewer.CanWorkOn(ticket) && ticket.State != TicketStates.Resolved)
            {
                return new ForbiddenError("tickets.agents-only", "Only agents may change the state of this ticket now.");
            }

            return TicketChanges.One(ticket.MoveTo(command.State, command.Note, now));
        }, ct);
    }

    public async Task<Result<Ticket>> AssignAsync(AssignTicket command, TicketViewer viewer, CancellationToken ct)
    {
        var teams = await organisation.ListTeamsAsync(ct);
        var team = command.TeamId is { } teamId ? teams.SingleOrDefault(t => t.Id == teamId) : null;
        if (command.TeamId is not null && team is null)
        {
            return Invalid.Field("teamId", "Choose a team that exists.");
        }

        string? assigneeName = null;
        if (command.AssigneeId is { } assigneeId)
        {
            var people = team is null ? [] : await organisation.ListTeamMembersAsync(team.Id, ct);
            var assignee = people.SingleOrDefault(p => p.Id == assigneeId);
            if (assignee is null)
            {
                return Invalid.Field("assigneeId", "Choose someone from the ticket's team.");
            }

            assigneeName = assignee.DisplayName;
        }

        var now = time.GetUtcNow();
        return await changes.ApplyAsync(command.TicketId, viewer, command.ExpectedVersion, needsAgent: true, ticket =>
            team is not null && team.DepartmentId != ticket.DepartmentId
                ? Invalid.Field("teamId", "Choose a team of the ticket's department.")
                : TicketChanges.One(ticket.Assign(command.TeamId, command.AssigneeId, assigneeName, now)), ct);
    }

    public Task<Result<Ticket>> OverridePriorityAsync(OverrideTicketPriority command, TicketViewer viewer, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return changes.ApplyAsync(command.TicketId, viewer, command.ExpectedVersion, needsAgent: true,
            ticket => TicketChanges.One(ticket.OverridePriority(command.Priority, command.Reason, now)), ct);
    }

    public Task<Result<Ticket>> EditAsync(EditTicket command, TicketViewer viewer, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return changes.ApplyAsync(command.TicketId, viewer, command.ExpectedVersion, needsAgent: true,
            ticket => TicketChanges.One(ticket.Edit(command.Subject ?? ticket.Subject, command.Type ?? ticket.Type, now)), ct);
    }

    private static bool IsRequesterMove(string state) => state is TicketStates.Open or TicketStates.Closed;
}
