using System.Globalization;
using System.Security.Claims;
using System.Text;
using Rapport.Platform;
using Rapport.Platform.Web;
using Rapport.Tickets.Domain;
using Rapport.Tickets.Features;

namespace Rapport.Tickets.Api;

/// <summary>
/// A desk queue as CSV, with the same filter as on screen and the same rules of who sees what.
/// Streamed page by page, so a large queue never sits in memory.
/// </summary>
internal static class QueueExport
{
    public static void MapQueueExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/desk/queues/{queue}.csv", ExportAsync)
            .RequireAuthorization(RapportPolicies.Desk)
            .ExcludeFromDescription();

    private static async Task ExportAsync(
        string queue, HttpContext http, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, TimeProvider time, string? state = null)
    {
        if (!TicketQueues.Desk.Contains(queue))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var viewer = await viewers.ForAsync(user, http.RequestAborted);
        state = string.IsNullOrEmpty(state) ? "active" : state;
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"rapport-{queue}-{stamp}.csv\"";
        http.Response.Headers.XContentTypeOptions = "nosniff";

        var body = http.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetPreamble(), http.RequestAborted);
        await WriteAsync(body, CsvExport.Row("number", "subject", "type", "state", "priority", "requester", "assignee", "channel", "created", "updated", "resolved") + "\r\n", http.RequestAborted);
        string? cursor = null;
        do
        {
            var page = await queries.ListAsync(new TicketFilter(queue, state == "all" ? null : state, cursor, Paging.MaxPageSize), viewer, http.RequestAborted);
            var lines = new StringBuilder();
            foreach (var t in page.Items)
            {
                lines.Append(CsvExport.Row(
                    t.Id.ToString(CultureInfo.InvariantCulture), t.Subject, t.Type, t.State, t.Priority, t.RequesterName, t.AssigneeName, t.Channel,
                    CsvExport.Cell(t.CreatedAt), CsvExport.Cell(t.UpdatedAt), CsvExport.Cell(t.ResolvedAt))).Append("\r\n");
            }

            if (lines.Length > 0)
            {
                await WriteAsync(body, lines.ToString(), http.RequestAborted);
            }

            cursor = page.Next;
        }
        while (cursor is not null);
    }

    private static Task WriteAsync(Stream body, string text, CancellationToken ct) =>
        body.WriteAsync(Encoding.UTF8.GetBytes(text), ct).AsTask();
}
