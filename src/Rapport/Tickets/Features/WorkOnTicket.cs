using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Platform.Web;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

public sealed record ReplyToTicket(long TicketId, string? Body, bool Internal, int? ExpectedVersion = null, IReadOnlyList<IncomingFile>? Files = null);

public sealed record AttachToTicket(long TicketId, IReadOnlyList<IncomingFile> Files, bool Internal);

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
    TicketFiles files,
    IOptions<TicketsOptions> options,
    TimeProvider time)
{
    public const int MaxBody = 20_000;

    public async Task<Result<Ticket>> ReplyAsync(ReplyToTicket command, TicketViewer viewer, CancellationToken ct)
    {
        var body = command.Body?.Trim() ?? "";
        var incoming = command.Files ?? [];
        if (body.Length == 0 && incoming.Count == 0)
        {
            return Invalid.Field("body", "Write a message first.");
        }

        if (body.Length > MaxBody)
        {
            return Invalid.Field("body", $"A message can be at most {MaxBody} characters.");
        }

        if (viewer.PersonId is not { } author)
        {
            return new ForbiddenError("tickets.no-person", "Your profile in the organisation is not set up yet.");
        }

        var kept = await KeepFilesAsync(command.TicketId, incoming, command.Internal, viewer, ct);
        if (!kept.Succeeded)
        {
            return kept.Error;
        }

        var mentioned = await MentionedAsync(body, author, ct);
        var now = time.GetUtcNow();
        return await changes.ApplyAsync(command.TicketId, viewer, command.ExpectedVersion, needsAgent: command.Internal, ticket =>
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
                BodyHtml = markdown.ToHtml(Mentions.Highlight(body, mentioned.ToDictionary(m => m.Handle, m => m.Name, StringComparer.OrdinalIgnoreCase))),
                CreatedAt = now,
            };
            var decision = ticket.Reply(comment.Id, author, asAgent, command.Internal, now, options.Value.ReopenWindow);
            if (!decision.Succeeded)
            {
                return decision;
            }

            db.Add(comment);
            return Result.Ok<IReadOnlyList<IEvent>>([
                .. decision.Value,
                .. files.Attach(ticket.Id, comment.Id, author, command.Internal, kept.Value, now),
                .. mentioned.Where(m => m.PersonId != author).Select(m => new ColleagueMentioned(ticket.Id, comment.Id, m.PersonId, command.Internal)),
            ]);
        }, ct);
    }

    /// <summary>The people a message names with @handle, as they are known in the organisation; unknown handles stay plain text.</summary>
    private async Task<IReadOnlyList<(string Handle, Guid PersonId, string Name)>> MentionedAsync(string body, Guid author, CancellationToken ct)
    {
        var handles = Mentions.Find(body);
        if (handles.Count == 0 || await organisation.FindPersonAsync(author, ct) is not { } writer)
        {
            return [];
        }

        var domain = writer.Email[(writer.Email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var found = new List<(string, Guid, string)>();
        foreach (var handle in handles.Take(20))
        {
            if (await organisation.FindPersonByEmailAsync(Mentions.AddressOf(handle, domain), ct) is { } person)
            {
                found.Add((handle, person.Id, person.DisplayName));
            }
        }

        return found;
    }

    /// <summary>Files on their own, without a message (the API's attachments endpoint).</summary>
    public async Task<Result<(Ticket Ticket, IReadOnlyList<Guid> Attachments)>> AttachAsync(AttachToTicket command, TicketViewer viewer, CancellationToken ct)
    {
        if (command.Files.Count == 0)
        {
            return Invalid.Field(TicketFiles.Field, "Choose at least one file.");
        }

        if (viewer.PersonId is not { } uploader)
        {
            return new ForbiddenError("tickets.no-person", "Your profile in the organisation is not set up yet.");
        }

        var kept = await KeepFilesAsync(command.TicketId, command.Files, command.Internal, viewer, ct);
        if (!kept.Succeeded)
        {
            return kept.Error;
        }

        var now = time.GetUtcNow();
        IReadOnlyList<IEvent> added = [];
        var result = await changes.ApplyAsync(command.TicketId, viewer, null, needsAgent: command.Internal, ticket =>
        {
            if (ticket.AcceptFiles(now) is { } refused)
            {
                return refused;
            }

            added = files.Attach(ticket.Id, null, uploader, command.Internal, kept.Value, now);
            return Result.Ok(added);
        }, ct);
        return result.Succeeded
            ? (result.Value, [.. added.OfType<AttachmentAdded>().Select(a => a.AttachmentId)])
            : result.Error;
    }

    /// <summary>
    /// Keeps the files once the viewer is known to be allowed to add them, so that nobody fills the
    /// disk through a ticket they cannot see.
    /// </summary>
    private async Task<Result<IReadOnlyList<KeptFile>>> KeepFilesAsync(
        long ticketId, IReadOnlyList<IncomingFile> incoming, bool isInternal, TicketViewer viewer, CancellationToken ct)
    {
        if (incoming.Count == 0)
        {
            return Result.Ok<IReadOnlyList<KeptFile>>([]);
        }

        var ticket = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !await viewer.CanSeeAsync(ticket, db.Set<TicketWatcher>(), ct))
        {
            return TicketErrors.NotFound(ticketId);
        }

        if (isInternal && !viewer.CanWorkOn(ticket))
        {
            return new ForbiddenError("tickets.agents-only", "Only agents of the ticket's department may do this.");
        }

        return await files.KeepAsync(incoming, ct);
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
