using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
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
    long? MergedIntoId, IReadOnlyList<string> Tags)
{
    /// <param name="tags">The ticket's tags if the caller works on it (requesters do not see tags).</param>
    public static TicketResponse From(Ticket t, IReadOnlyList<string> tags) => new(
        t.Id, t.Subject, t.Description, t.Type, t.State, TicketStates.ForRequester(t.State), t.Priority, t.Impact, t.Urgency,
        t.PriorityReason, t.ServiceId, t.DepartmentId, t.RequesterId, t.RequesterName, t.TeamId, t.AssigneeId, t.AssigneeName,
        t.Channel, t.Answers, t.CreatedAt, t.UpdatedAt, t.FirstRespondedAt, t.ResolvedAt, t.ClosedAt, t.ResolutionNote, t.Version,
        t.MergedIntoId, tags);
}

public sealed record TicketPageResponse(IReadOnlyList<TicketResponse> Items, string? Next);

public sealed record CommentResponse(Guid Id, Guid AuthorId, string AuthorName, bool ByAgent, bool Internal, string Body, string BodyHtml, DateTimeOffset CreatedAt);

public sealed record TicketEventResponse(long Sequence, string Type, DateTimeOffset OccurredAt, string? ActorId, string ActorKind, JsonElement Payload);

internal static class TicketsApi
{
    public static void MapTicketsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/tickets")
            .WithTags("Tickets")
            .RequireAuthorization(RapportPolicies.Api);
        api.MapPost("/", OpenAsync).WithName("OpenTicket").WithSummary("Open a ticket")
            .WithDescription("Raises a ticket for a service. `type` defaults to the service's; `impact` and `urgency` (low, medium, high) give the priority through the matrix. Agents may raise on behalf of someone with `requesterEmail`. `fields` answers the service's form by field key.");
        api.MapGet("/", ListAsync).WithName("ListTickets").WithSummary("List tickets")
            .WithDescription("A page of the tickets you may see, newest first. `queue`: requested (yours and those you watch), mine (assigned to you), team, unassigned, all. `state`: a state or `active`. `tag`: only tickets with this tag. Pass `next` as `cursor` for the next page.");
        api.MapGet("/{id:long}", GetAsync).WithName("GetTicket").WithSummary("Get a ticket");
        api.MapPatch("/{id:long}", EditAsync).WithName("EditTicket").WithSummary("Change a ticket's title or type")
            .WithDescription("Agents only. Send `version` from the ticket you read: if someone changed it since, the answer is 409 and nothing changes.");
        api.MapPost("/{id:long}/state", ChangeStateAsync).WithName("ChangeTicketState").WithSummary("Move a ticket to another state")
            .WithDescription("States: new, open, waiting-on-requester, waiting-on-third-party, resolved (needs a `note`), closed. A requester may reopen (open) or close their resolved ticket.");
        api.MapPut("/{id:long}/assignment", AssignAsync).WithName("AssignTicket").WithSummary("Assign a ticket to a team and optionally an agent");
        api.MapPut("/{id:long}/priority", PriorityAsync).WithName("OverrideTicketPriority").WithSummary("Set the priority by hand, with a reason");
        api.MapGet("/{id:long}/comments", CommentsAsync).WithName("ListTicketComments").WithSummary("The conversation")
            .WithDescription("Public replies, and internal notes for agents of the ticket's department.");
        api.MapPost("/{id:long}/comments", CommentAsync).WithName("AddTicketComment").WithSummary("Reply, or add an internal note")
            .WithDescription("`body` is Markdown. `internal: true` makes an internal note: never shown to the requester, never sent by e-mail.");
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
        ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, CancellationToken ct,
        string? queue = null, string? state = null, string? cursor = null, int? size = null, string? tag = null)
    {
        var viewer = await viewers.ForAsync(user, ct);
        if (!string.IsNullOrWhiteSpace(tag) && TagNames.Normalise(tag) is { Succeeded: false } badTag)
        {
            return badTag.Error.ToProblem();
        }

        queue ??= viewer.IsStaff ? TicketQueues.All : TicketQueues.Requested;
        var page = await queries.ListAsync(new TicketFilter(queue, state, cursor, size, tag), viewer, ct);
        var tags = await queries.TagsOfAsync(page.Items, viewer, ct);
        return TypedResults.Ok(new TicketPageResponse([.. page.Items.Select(t => TicketResponse.From(t, tags.GetValueOrDefault(t.Id, [])))], page.Next));
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(user, ct);
        var details = await queries.GetAsync(id, viewer, ct);
        return details is null ? TicketErrors.NotFound(id).ToProblem() : TypedResults.Ok(await ResponseAsync(details.Ticket, viewer, queries, ct));
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
                new CommentResponse(c.Id, c.AuthorId, c.AuthorName, c.ByAgent, c.IsInternal, c.Body, c.BodyHtml, c.CreatedAt))]);
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

    internal static async Task<TicketResponse> ResponseAsync(Ticket ticket, TicketViewer viewer, TicketQueries queries, CancellationToken ct) =>
        TicketResponse.From(ticket, (await queries.TagsOfAsync([ticket], viewer, ct)).GetValueOrDefault(ticket.Id, []));
}
