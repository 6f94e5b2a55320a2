using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Platform;
using Rapport.Tickets.Features;
using Rapport.Tickets.Pages;

namespace Rapport.Tickets.Api;

/// <summary>
/// A desk list's table alone, for htmx: filters, order and paging swap the table without reloading the
/// page. The answer tells htmx the page's own address (HX-Push-Url), so the address bar, a bookmark or a
/// copied link show the same list. Opened directly, these addresses lead to the whole page.
/// </summary>
internal static class QueueTableEndpoints
{
    public static void MapQueueTable(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/desk/queues/{queue}/table", QueueAsync).RequireAuthorization(RapportPolicies.Desk).ExcludeFromDescription();
        routes.MapGet("/desk/views/{id:guid}/table", ViewAsync).RequireAuthorization(RapportPolicies.Desk).ExcludeFromDescription();
    }

    private static Task<IResult> QueueAsync(
        string queue, HttpContext http, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, string? cursor = null)
    {
        if (!TicketQueues.Desk.Contains(queue))
        {
            return Task.FromResult<IResult>(TypedResults.NotFound());
        }

        var view = QueueView.Read(queue, http.Request.Query, out _);
        return TableAsync(new QueueAddress(view), cursor, http, user, viewers, queries);
    }

    private static async Task<IResult> ViewAsync(
        Guid id, HttpContext http, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, ManageSavedViews views, string? cursor = null)
    {
        var saved = await views.FindAsync(id, await viewers.ForAsync(user, http.RequestAborted), http.RequestAborted);
        return saved is null
            ? TypedResults.NotFound()
            : await TableAsync(new QueueAddress(QueueView.FromQuery(saved.Query), saved.Id), cursor, http, user, viewers, queries);
    }

    private static async Task<IResult> TableAsync(
        QueueAddress address, string? cursor, HttpContext http, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries)
    {
        if (!http.Request.Headers.ContainsKey("HX-Request"))
        {
            return TypedResults.Redirect(address.Page(cursor));
        }

        var viewer = await viewers.ForAsync(user, http.RequestAborted);
        var page = await queries.ListAsync(address.View.ToFilter(cursor), viewer, http.RequestAborted);
        http.Response.Headers["HX-Push-Url"] = address.Page(cursor);
        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<QueueTable>(new Dictionary<string, object?>
        {
            [nameof(QueueTable.Page)] = page,
            [nameof(QueueTable.Address)] = address,
            [nameof(QueueTable.Cursor)] = cursor,
        });
    }
}
