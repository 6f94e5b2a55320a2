using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Clocks.Contracts;
using Rapport.Platform;
using Rapport.Platform.Errors;
using Rapport.Platform.Web;
using Rapport.Tickets.Domain;
using Rapport.Tickets.Features;

namespace Rapport.Tickets.Api;

public sealed record OpenTicketRequest(
    Guid ServiceId, string? Subject, string? Description, string? Type, string? Impact, string? Urgency,
    string? RequesterEmail, Dictionary<string, string?>? Fields);

public sealed record EditTicketRequest(string? Subject, string? Type, int? Version);

public sealed record ChangeStateRequest(string State, string? Note, int? Version);

public sealed record AssignRequest(Guid? TeamId, Guid? AssigneeId, int? Version);

public sealed record PriorityRequest(string Priority, string? Reason, int? Version);

public sealed record CommentRequest(string? Body, bool Internal);

public sealed record TicketResponse(
    long Id, string Subject, string Description, string Type, string State, string StateForRequester,
    string Priority, string Impact, string Urgency, string? PriorityReason, Guid ServiceId, Guid DepartmentId,
    Guid RequesterId, string RequesterName, Guid? TeamId, Guid? AssigneeId, string? AssigneeName, string Channel,
    IReadOnlyDictionary<string, string?> Fields, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstRespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, string? ResolutionNote, int Version,
    long? MergedIntoId, IReadOnlyList<string> Tags, TicketClocksResponse? Clocks = null)
{
    /// <param name="t">The ticket.</param>
    /// <param name="tags">The ticket's tags if the caller works on it (requesters do not see tags).</param>
    /// <param name="clocks">Its promise clocks, where the answer carries them.</param>
    public static TicketResponse From(Ticket t, IReadOnlyList<string> tags, TicketClocksDto? clocks = null) => new(
        t.Id, t.Subject, t.Description, t.Type, t.State, TicketStates.ForRequester(t.State), t.Priority, t.Impact, t.Urgency,
        t.PriorityReason, t.ServiceId, t.DepartmentId, t.RequesterId, t.RequesterName, t.TeamId, t.AssigneeId, t.AssigneeName,
        t.Channel, t.Answers, t.CreatedAt, t.UpdatedAt, t.FirstRespondedAt, t.ResolvedAt, t.ClosedAt, t.ResolutionNote, t.Version,
        t.MergedIntoId, tags, clocks is null ? null : TicketClocksResponse.From(clocks));
}

/// <summary>A promise clock: when it is due (null while paused or stopped), how it stands, business minutes left (negative once breached).</summary>
public sealed record ClockResponse(DateTimeOffset? DueAt, string State, int TargetMinutes, int BusinessMinutesLeft)
{
    public static ClockResponse? From(ClockDto? clock) => clock is null ? null
        : new(clock.DueAt, clock.State, (int)clock.Target.TotalMinutes, (int)Math.Floor(clock.BusinessTimeLeft.TotalMinutes));
}

/// <summary>The clocks of the service's promise; a clock is null when the promise sets no target for it.</summary>
public sealed record TicketClocksResponse(ClockResponse? FirstResponse, ClockResponse? Resolution)
{
    public static TicketClocksResponse From(TicketClocksDto clocks) => new(ClockResponse.From(clocks.FirstResponse), ClockResponse.From(clocks.Resolution));
}

/// <summary>The list's query parameters, the same as in the desk's links (see <see cref="QueueView"/>).</summary>
public sealed record TicketListQuery(
    string? Queue, string? State, string? Priority, string? Type, string? Service, string? Team, string? Assignee, string? Q, string? Sort,
    string? Cursor, int? Size, string? Tag)
{
    internal string? Parameter(string name) => name switch
    {
        "state" => State,
        "priority" => Priority,
        "type" => Type,
        "service" => Service,
        "team" => Team,
        "assignee" => Assignee,
        "q" => Q,
        "sort" => Sort,
        _ => null,
    };
}

public sealed record TicketPageResponse(IReadOnlyList<TicketResponse> Items, string? Next);

public sealed record CommentResponse(
    Guid Id, Guid AuthorId, string AuthorName, bool ByAgent, bool Internal, string Body, string BodyHtml, DateTimeOffset CreatedAt,
    IReadOnlyList<AttachmentResponse> Attachments);

public sealed record AttachmentResponse(
    Guid Id, Guid? CommentId, string FileName, string ContentType, long Size, bool Internal, DateTimeOffset CreatedAt, string Download)
{
    public static AttachmentResponse From(TicketAttachment a) =>
        new(a.Id, a.CommentId, a.FileName, a.ContentType, a.Size, a.IsInternal, a.CreatedAt, $"/api/v1/tickets/{a.TicketId}/attachments/{a.Id}");
}

public sealed record TicketEventResponse(long Sequence, string Type, DateTimeOffset OccurredAt, string? ActorId, string ActorKind, JsonElement Payload);

internal static class TicketsApi
{
    public static void MapTicketsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/tickets")
            .WithTags("Tickets")
            .RequireAuthorization(RapportPolicies.Api);
        api.MapPost("/", OpenAsync).WithName("OpenTicket").WithSummary("Open a ticket")
            .WithExample(TicketExamples.Open, StatusCodes.Status201Created, TicketExamples.Ticket)
            .WithDescription("Raises a ticket for a service. `type` defaults to the service's; `impact` and `urgency` (low, medium, high) give the priority through the matrix. Agents may raise on behalf of someone with `requesterEmail`. `fields` answers the service's form by field key.");
        api.MapGet("/", ListAsync).WithName("ListTickets").WithSummary("List tickets")
            .WithExample(null, StatusCodes.Status200OK, TicketExamples.Page)
            .WithDescription("A page of the tickets you may see. `queue`: requested (yours and those you watch), mine (assigned to you), team, unassigned, all. Filters, each optional: `state` (a state, `active` or `all`; every state when left out), `priority`, `type`, `service` and `team` (ids), `assignee` (`me`, `none` or a person's id), `q` (words in the subject), `tag`. `sort`: newest (default), oldest, updated, untouched (changed longest ago first), priority (most urgent first). The same names work in the desk's links. Pass `next` as `cursor` for the next page, with the same filters and sort.");
        api.MapGet("/{id:long}", GetAsync).WithName("GetTicket").WithSummary("Get a ticket")
            .WithDescription("The ticket with its promise `clocks`: `firstResponse` and `resolution`, each with `dueAt`, `state` (running, paused, met, breached) and the business minutes left.")
            .WithExample(null, StatusCodes.Status200OK, TicketExamples.Ticket);
        api.MapPatch("/{id:long}", EditAsync).WithName("EditTicket").WithSummary("Change a ticket's title or type")
            .WithExample(TicketExamples.Edit, StatusCodes.Status200OK, TicketExamples.Ticket)
            .WithDescription("Agents only. Send `version` from the ticket you read: if someone changed it since, the answer is 409 and nothing changes.");
        api.MapPost("/{id:long}/state", ChangeStateAsync).WithName("ChangeTicketState").WithSummary("Move a ticket to another state")
            .WithExample(TicketExamples.Resolve, StatusCodes.Status200OK, TicketExamples.Ticket)
            .WithDescription("States: new, open, waiting-on-requester, waiting-on-third-party, resolved (needs a `note`), closed. A requester may reopen (open) or close their resolved ticket.");
        api.MapPut("/{id:long}/assignment", AssignAsync).WithName("AssignTicket").WithSummary("Assign a ticket to a team and optionally an agent")
            .WithExample(TicketExamples.Assign, StatusCodes.Status200OK, TicketExamples.Ticket);
        api.MapPut("/{id:long}/priority", PriorityAsync).WithName("OverrideTicketPriority").WithSummary("Set the priority by hand, with a reason")
            .WithExample(TicketExamples.Priority, StatusCodes.Status200OK, TicketExamples.Ticket);
        api.MapGet("/{id:long}/comments", CommentsAsync).WithName("ListTicketComments").WithSummary("The conversation")
            .WithExample(null, StatusCodes.Status200OK, new[] { TicketExamples.Comment })
            .WithDescription("Public replies, and internal notes for agents of the ticket's department.");
        api.MapPost("/{id:long}/comments", CommentAsync).WithName("AddTicketComment").WithSummary("Reply, or add an internal note")
            .WithExample(TicketExamples.Reply, StatusCodes.Status201Created, TicketExamples.Ticket)
            .WithDescription("`body` is Markdown. `internal: true` makes an internal note: never shown to the requester, never sent by e-mail.");
        api.MapGet("/{id:long}/attachments", AttachmentsAsync).WithName("ListTicketAttachments").WithSummary("The files of a ticket")
            .WithExample(null, StatusCodes.Status200OK, new[] { TicketExamples.Attachment })
            .WithDescription("Files that came with the request and its messages; internal ones (of internal notes) only for agents of the ticket's department. `download` is where the bytes are.");
        api.MapPost("/{id:long}/attachments", AttachAsync).WithName("AddTicketAttachments").WithSummary("Attach files")
            .WithExample(null, StatusCodes.Status201Created, new[] { TicketExamples.Attachment })
            .WithDescription("`multipart/form-data` with one or more `files` and optionally `internal=true` (agents only). The size and number of files are limited by the Tickets settings; a file over the limit answers 400 and nothing is kept.")
            .DisableAntiforgery();
        api.MapGet("/{id:long}/attachments/{attachmentId:guid}", AttachmentDownloads.DownloadAsync).WithName("DownloadTicketAttachment").WithSummary("Download a file")
            .WithDescription("The bytes, as an attachment (plain images inline), with `X-Content-Type-Options: nosniff` and a sandboxing content security policy.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:long}/events", EventsAsync).WithName("ListTicketEvents").WithSummary("The ticket's history from the event log");
    }

    private static async Task<Results<Created<TicketResponse>, ProblemHttpResult>> OpenAsync(
        OpenTicketRequest request, ClaimsPrincipal user, TicketViewers viewers, OpenTicketHandler handler, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(user, ct);
        var result = await handler.HandleAsync(new OpenTicket(request.ServiceId, request.Subject, request.Description, request.Type,
            request.Impact, request.Urgency, request.Fields, "api", request.RequesterEmail), viewer, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/tickets/{result.Value.Id}", TicketResponse.From(result.Value, []))
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<TicketPageResponse>, ProblemHttpResult>> ListAsync(
        [AsParameters] TicketListQuery query, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(user, ct);
        var view = QueueView.Read(query.Queue ?? (viewer.IsStaff ? TicketQueues.All : TicketQueues.Requested), query.Parameter, out var problems);
        if (problems.Count > 0)
        {
            return new Invalid("tickets.invalid-filter", "Some filters have values Rapport does not know; see errors.", problems).ToProblem();
        }

        var filter = view.ToFilter(query.Cursor, query.Size);
        if (string.IsNullOrWhiteSpace(query.State))
        {
            // The API has always listed every state unless asked; the desk's pages start with the active ones.
            filter = filter with { State = null };
        }

        if (!string.IsNullOrWhiteSpace(query.Tag) && TagNames.Normalise(query.Tag) is { Succeeded: false } badTag)
        {
            return badTag.Error.ToProblem();
        }

        var page = await queries.ListAsync(filter with { Tag = query.Tag }, viewer, ct);
        var tags = await queries.TagsOfAsync(page.Items, viewer, ct);
        return TypedResults.Ok(new TicketPageResponse([.. page.Items.Select(t => TicketResponse.From(t, tags.GetValueOrDefault(t.Id, [])))], page.Next));
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, ITicketClocks clocks, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(user, ct);
        var details = await queries.GetAsync(id, viewer, ct);
        return details is null
            ? TicketErrors.NotFound(id).ToProblem()
            : TypedResults.Ok(await ResponseAsync(details.Ticket, viewer, queries, ct, await clocks.ForTicketAsync(id, ct)));
    }

    private static Task<Results<Ok<TicketResponse>, ProblemHttpResult>> EditAsync(
        long id, EditTicketRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, TicketQueries queries, CancellationToken ct) =>
        Answer(user, viewers, queries, viewer => work.EditAsync(new EditTicket(id, request.Subject, request.Type, request.Version), viewer, ct), ct);

    private static Task<Results<Ok<TicketResponse>, ProblemHttpResult>> ChangeStateAsync(
        long id, ChangeStateRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, TicketQueries queries, CancellationToken ct) =>
        Answer(user, viewers, queries, viewer => work.ChangeStateAsync(new ChangeTicketState(id, request.State ?? "", request.Note, request.Version), viewer, ct), ct);

    private static Task<Results<Ok<TicketResponse>, ProblemHttpResult>> AssignAsync(
        long id, AssignRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, TicketQueries queries, CancellationToken ct) =>
        Answer(user, viewers, queries, viewer => work.AssignAsync(new AssignTicket(id, request.TeamId, request.AssigneeId, request.Version), viewer, ct), ct);

    private static Task<Results<Ok<TicketResponse>, ProblemHttpResult>> PriorityAsync(
        long id, PriorityRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, TicketQueries queries, CancellationToken ct) =>
        Answer(user, viewers, queries, viewer => work.OverridePriorityAsync(new OverrideTicketPriority(id, request.Priority ?? "", request.Reason, request.Version), viewer, ct), ct);

    private static async Task<Results<Ok<IReadOnlyList<CommentResponse>>, ProblemHttpResult>> CommentsAsync(
        long id, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, CancellationToken ct)
    {
        var details = await queries.GetAsync(id, await viewers.ForAsync(user, ct), ct);
        return details is null
            ? TicketErrors.NotFound(id).ToProblem()
            : TypedResults.Ok<IReadOnlyList<CommentResponse>>([.. details.Comments.Select(c =>
                new CommentResponse(c.Id, c.AuthorId, c.AuthorName, c.ByAgent, c.IsInternal, c.Body, c.BodyHtml, c.CreatedAt,
                    [.. details.Attachments.Where(a => a.CommentId == c.Id).Select(AttachmentResponse.From)]))]);
    }

    private static async Task<Results<Created<TicketResponse>, ProblemHttpResult>> CommentAsync(
        long id, CommentRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, TicketQueries queries, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(user, ct);
        var result = await work.ReplyAsync(new ReplyToTicket(id, request.Body, request.Internal), viewer, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/tickets/{id}/comments", await ResponseAsync(result.Value, viewer, queries, ct))
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<AttachmentResponse>>, ProblemHttpResult>> AttachmentsAsync(
        long id, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, CancellationToken ct)
    {
        var details = await queries.GetAsync(id, await viewers.ForAsync(user, ct), ct);
        return details is null
            ? TicketErrors.NotFound(id).ToProblem()
            : TypedResults.Ok<IReadOnlyList<AttachmentResponse>>([.. details.Attachments.Select(AttachmentResponse.From)]);
    }

    private static async Task<Results<Created<IReadOnlyList<AttachmentResponse>>, ProblemHttpResult>> AttachAsync(
        long id, IFormFileCollection files, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, TicketQueries queries,
        CancellationToken ct, [FromForm(Name = "internal")] bool? isInternal = null)
    {
        var viewer = await viewers.ForAsync(user, ct);
        var result = await work.AttachAsync(new AttachToTicket(id, IncomingFile.From(files, "files"), isInternal ?? false), viewer, ct);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        var details = await queries.GetAsync(id, viewer, ct);
        var added = result.Value.Attachments;
        return TypedResults.Created<IReadOnlyList<AttachmentResponse>>(
            $"/api/v1/tickets/{id}/attachments",
            [.. details!.Attachments.Where(a => added.Contains(a.Id)).Select(AttachmentResponse.From)]);
    }

    private static async Task<Results<Ok<IReadOnlyList<TicketEventResponse>>, ProblemHttpResult>> EventsAsync(
        long id, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, CancellationToken ct)
    {
        var details = await queries.GetAsync(id, await viewers.ForAsync(user, ct), ct);
        return details is null
            ? TicketErrors.NotFound(id).ToProblem()
            : TypedResults.Ok<IReadOnlyList<TicketEventResponse>>([.. details.History.Select(e =>
                new TicketEventResponse(e.Sequence, e.Type, e.OccurredAt, e.ActorId, e.ActorKind.ToString().ToLowerInvariant(), JsonSerializer.Deserialize<JsonElement>(e.Payload)))]);
    }

    internal static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> Answer(
        ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, Func<TicketViewer, Task<Result<Ticket>>> work, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(user, ct);
        var result = await work(viewer);
        return result.Succeeded ? TypedResults.Ok(await ResponseAsync(result.Value, viewer, queries, ct)) : result.Error.ToProblem();
    }

    internal static async Task<TicketResponse> ResponseAsync(
        Ticket ticket, TicketViewer viewer, TicketQueries queries, CancellationToken ct, TicketClocksDto? clocks = null) =>
        TicketResponse.From(ticket, (await queries.TagsOfAsync([ticket], viewer, ct)).GetValueOrDefault(ticket.Id, []), clocks);
}
