using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Platform;
using Rapport.Platform.Errors;
using Rapport.Tickets.Features;

namespace Rapport.Tickets.Api;

/// <param name="PersonId">The person's id in the organisation; or give their <c>email</c>.</param>
public sealed record WatcherRequest(Guid? PersonId, string? Email);

public sealed record WatcherResponse(Guid PersonId, string Name, DateTimeOffset AddedAt);

/// <param name="Ticket">The number of the other ticket.</param>
/// <param name="Kind">related, duplicate-of or caused-by, read from this ticket.</param>
public sealed record LinkRequest(long? Ticket, string? Kind);

/// <param name="Label">How the link reads from this ticket: "duplicate of", "has duplicate", "caused", "related to".</param>
/// <param name="Direction">outgoing when this ticket made the link, incoming when the other did.</param>
public sealed record LinkResponse(Guid Id, string Kind, string Direction, string Label, long OtherTicketId, string? OtherSubject, DateTimeOffset CreatedAt)
{
    public static LinkResponse From(LinkView l) =>
        new(l.Id, l.Kind, l.FromOtherSide ? "incoming" : "outgoing", l.Label, l.OtherTicketId, l.OtherSubject, l.CreatedAt);
}

/// <param name="Into">The number of the ticket where the work goes on.</param>
public sealed record MergeRequest(long? Into, int? Version);

public sealed record TagRequest(string? Tag);

public sealed record TagResponse(string Tag);

/// <summary>Watchers, links, merging and tags: how a ticket relates to people and to other tickets.</summary>
internal static class TicketRelationsApi
{
    public static void MapTicketRelationsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/tickets/{id:long}")
            .WithTags("Tickets")
            .RequireAuthorization(RapportPolicies.Api);
        api.MapGet("/watchers", WatchersAsync).WithName("ListTicketWatchers").WithSummary("Who watches a ticket")
            .WithDescription("Watchers see the ticket and its public conversation, never internal notes.");
        api.MapPost("/watchers", AddWatcherAsync).WithName("AddTicketWatcher").WithSummary("Add a watcher")
            .WithDescription("Give `personId` or `email` of a person in the organisation. Agents of the ticket and its requester add anyone; everyone who sees the ticket may add themselves.");
        api.MapDelete("/watchers/{personId:guid}", RemoveWatcherAsync).WithName("RemoveTicketWatcher").WithSummary("Remove a watcher")
            .WithDescription("Agents of the ticket and its requester remove anyone; a watcher removes themselves.");
        api.MapGet("/links", LinksAsync).WithName("ListTicketLinks").WithSummary("The ticket's links to other tickets")
            .WithDescription("Agents only. Each link reads from this ticket: `duplicate of`, `has duplicate`, `caused by`, `caused`, `related to`.");
        api.MapPost("/links", LinkAsync).WithName("LinkTicket").WithSummary("Link the ticket to another")
            .WithDescription("Agents only. `ticket`: the other ticket's number; `kind`: related, duplicate-of or caused-by, read from this ticket. Two tickets have at most one link.");
        api.MapDelete("/links/{linkId:guid}", UnlinkAsync).WithName("UnlinkTicket").WithSummary("Remove a link")
            .WithDescription("Agents only, from either ticket of the link.");
        api.MapPost("/merge", MergeAsync).WithName("MergeTicket").WithSummary("Merge a duplicate into another ticket")
            .WithDescription("Agents only. The ticket gets a public note saying where the work continues and is closed; its requester watches `into` from then on; `into` gets an internal note. Send `version` to refuse the merge if the ticket changed since you read it.");
        api.MapGet("/tags", TagsAsync).WithName("ListTicketTags").WithSummary("The ticket's tags").WithDescription("Agents only.");
        api.MapPost("/tags", TagAsync).WithName("TagTicket").WithSummary("Add a tag")
            .WithDescription("Agents only. Tags are lower case with dashes for spaces: \"New Starter\" is stored as `new-starter`; letters, digits and dashes, at most 40 characters, at most 20 tags a ticket.");
        api.MapDelete("/tags/{tag}", UntagAsync).WithName("UntagTicket").WithSummary("Remove a tag").WithDescription("Agents only.");
    }

    private static async Task<Results<Ok<IReadOnlyList<WatcherResponse>>, ProblemHttpResult>> WatchersAsync(
        long id, ClaimsPrincipal user, TicketViewers viewers, TicketRelationQueries relations, CancellationToken ct)
    {
        var ticket = await relations.FindAsync(id, await viewers.ForAsync(user, ct), ct);
        return ticket is null
            ? TicketErrors.NotFound(id).ToProblem()
            : TypedResults.Ok<IReadOnlyList<WatcherResponse>>([.. (await relations.WatchersAsync(id, ct)).Select(w => new WatcherResponse(w.PersonId, w.Name, w.AddedAt))]);
    }

    private static async Task<Results<Created<WatcherResponse>, ProblemHttpResult>> AddWatcherAsync(
        long id, WatcherRequest request, ClaimsPrincipal user, TicketViewers viewers, WatchTicket watch, TicketRelationQueries relations, CancellationToken ct)
    {
        var result = await watch.AddAsync(new AddWatcher(id, request.PersonId, request.Email), await viewers.ForAsync(user, ct), ct);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        var added = (await relations.WatchersAsync(id, ct)).Single(w => w.PersonId == result.Value.PersonId);
        return TypedResults.Created($"/api/v1/tickets/{id}/watchers/{added.PersonId}", new WatcherResponse(added.PersonId, added.Name, added.AddedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveWatcherAsync(
        long id, Guid personId, ClaimsPrincipal user, TicketViewers viewers, WatchTicket watch, CancellationToken ct) =>
        Done(await watch.RemoveAsync(new RemoveWatcher(id, personId), await viewers.ForAsync(user, ct), ct));

    private static async Task<Results<Ok<IReadOnlyList<LinkResponse>>, ProblemHttpResult>> LinksAsync(
        long id, ClaimsPrincipal user, TicketViewers viewers, TicketRelationQueries relations, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(user, ct);
        var forbidden = await AgentsOnlyAsync(id, viewer, relations, ct);
        return forbidden is not null
            ? forbidden.ToProblem()
            : TypedResults.Ok<IReadOnlyList<LinkResponse>>([.. (await relations.LinksAsync(id, viewer, ct)).Select(LinkResponse.From)]);
    }

    private static async Task<Results<Created<LinkResponse>, ProblemHttpResult>> LinkAsync(
        long id, LinkRequest request, ClaimsPrincipal user, TicketViewers viewers, LinkTickets links, TicketRelationQueries relations, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(user, ct);
        var result = await links.LinkAsync(new LinkTicket(id, request.Ticket, request.Kind), viewer, ct);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        var made = (await relations.LinksAsync(id, viewer, ct)).Single(l => l.Id == result.Value.Id);
        return TypedResults.Created($"/api/v1/tickets/{id}/links/{made.Id}", LinkResponse.From(made));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlinkAsync(
        long id, Guid linkId, ClaimsPrincipal user, TicketViewers viewers, LinkTickets links, CancellationToken ct) =>
        Done(await links.UnlinkAsync(new UnlinkTicket(id, linkId), await viewers.ForAsync(user, ct), ct));

    private static Task<Results<Ok<TicketResponse>, ProblemHttpResult>> MergeAsync(
        long id, MergeRequest request, ClaimsPrincipal user, TicketViewers viewers, MergeTickets merge, TicketQueries queries, CancellationToken ct) =>
        TicketsApi.Answer(user, viewers, queries, viewer => merge.MergeAsync(new MergeTicket(id, request.Into, request.Version), viewer, ct), ct);

    private static async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> TagsAsync(
        long id, ClaimsPrincipal user, TicketViewers viewers, TicketRelationQueries relations, CancellationToken ct)
    {
        var forbidden = await AgentsOnlyAsync(id, await viewers.ForAsync(user, ct), relations, ct);
        return forbidden is not null ? forbidden.ToProblem() : TypedResults.Ok(await relations.TagsAsync(id, ct));
    }

    private static async Task<Results<Created<TagResponse>, ProblemHttpResult>> TagAsync(
        long id, TagRequest request, ClaimsPrincipal user, TicketViewers viewers, TagTickets tags, CancellationToken ct)
    {
        var result = await tags.AddAsync(new TagTicket(id, request.Tag), await viewers.ForAsync(user, ct), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/tickets/{id}/tags/{Uri.EscapeDataString(result.Value)}", new TagResponse(result.Value))
            : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UntagAsync(
        long id, string tag, ClaimsPrincipal user, TicketViewers viewers, TagTickets tags, CancellationToken ct) =>
        Done(await tags.RemoveAsync(new UntagTicket(id, tag), await viewers.ForAsync(user, ct), ct));

    private static Results<NoContent, ProblemHttpResult> Done<T>(Result<T> result) =>
        result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();

    /// <summary>Links and tags are the agents' filing: others who see the ticket are told so; others still get 404.</summary>
    private static async Task<Error?> AgentsOnlyAsync(long id, TicketViewer viewer, TicketRelationQueries relations, CancellationToken ct)
    {
        var ticket = await relations.FindAsync(id, viewer, ct);
        return ticket is null ? TicketErrors.NotFound(id)
            : viewer.CanWorkOn(ticket) ? null
            : new ForbiddenError("tickets.agents-only", "Only agents of the ticket's department see its links and tags.");
    }
}
