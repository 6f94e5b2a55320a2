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
    DateTimeOffset? FirstRespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, string? ResolutionNote, int Version)
{
    public static TicketResponse From(Ticket t) => new(
        t.Id, t.Subject, t.Description, t.Type, t.State, TicketStates.ForRequester(t.State), t.Priority, t.Impact, t.Urgency,
        t.PriorityReason, t.ServiceId, t.DepartmentId, t.RequesterId, t.RequesterName, t.TeamId, t.AssigneeId, t.AssigneeName,
        t.Channel, t.Answers, t.CreatedAt, t.UpdatedAt, t.FirstRespondedAt, t.ResolvedAt, t.ClosedAt, t.ResolutionNote, t.Version);
}

/// <summary>The list's query parameters, the same as in the desk's links (see <see cref="QueueView"/>).</summary>
public sealed record TicketListQuery(
    string? Queue, string? State, string? Priority, string? Type, string? Service, string? Team, string? Assignee, string? Q, string? Sort,
    string? Cursor, int? Size)
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
            .WithDescription("A page of the tickets you may see. `queue`: requested (yours), mine (assigned to you), team, unassigned, all. Filters, each optional: `state` (a state, `active` or `all`; every state when left out), `priority`, `type`, `service` and `team` (ids), `assignee` (`me`, `none` or a person's id), `q` (words in the subject). `sort`: newest (default), oldest, updated, untouched (changed longest ago first), priority (most urgent first). The same names work in the desk's links. Pass `next` as `cursor` for the next page, with the same filters and sort.");
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
            ? TypedResults.Created($"/api/v1/tickets/{result.Value.Id}", TicketResponse.From(result.Value))
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

        var page = await queries.ListAsync(filter, viewer, ct);
        return TypedResults.Ok(new TicketPageResponse([.. page.Items.Select(TicketResponse.From)], page.Next));
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, CancellationToken ct)
    {
        var details = await queries.GetAsync(id, await viewers.ForAsync(user, ct), ct);
        return details is null ? TicketErrors.NotFound(id).ToProblem() : TypedResults.Ok(TicketResponse.From(details.Ticket));
    }

    private static Task<Results<Ok<TicketResponse>, ProblemHttpResult>> EditAsync(
        long id, EditTicketRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, CancellationToken ct) =>
        Answer(user, viewers, viewer => work.EditAsync(new EditTicket(id, request.Subject, request.Type, request.Version), viewer, ct), ct);

    private static Task<Results<Ok<TicketResponse>, ProblemHttpResult>> ChangeStateAsync(
        long id, ChangeStateRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, CancellationToken ct) =>
        Answer(user, viewers, viewer => work.ChangeStateAsync(new ChangeTicketState(id, request.State ?? "", request.Note, request.Version), viewer, ct), ct);

    private static Task<Results<Ok<TicketResponse>, ProblemHttpResult>> AssignAsync(
        long id, AssignRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, CancellationToken ct) =>
        Answer(user, viewers, viewer => work.AssignAsync(new AssignTicket(id, request.TeamId, request.AssigneeId, request.Version), viewer, ct), ct);

    private static Task<Results<Ok<TicketResponse>, ProblemHttpResult>> PriorityAsync(
        long id, PriorityRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, CancellationToken ct) =>
        Answer(user, viewers, viewer => work.OverridePriorityAsync(new OverrideTicketPriority(id, request.Priority ?? "", request.Reason, request.Version), viewer, ct), ct);

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
        long id, CommentRequest request, ClaimsPrincipal user, TicketViewers viewers, WorkOnTicket work, CancellationToken ct)
    {
        var result = await work.ReplyAsync(new ReplyToTicket(id, request.Body, request.Internal), await viewers.ForAsync(user, ct), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/tickets/{id}/comments", TicketResponse.From(result.Value))
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

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> Answer(
        ClaimsPrincipal user, TicketViewers viewers, Func<TicketViewer, Task<Result<Ticket>>> work, CancellationToken ct)
    {
        var result = await work(await viewers.ForAsync(user, ct));
        return result.Succeeded ? TypedResults.Ok(TicketResponse.From(result.Value)) : result.Error.ToProblem();
    }
}
