using System.Globalization;
using System.Security.Claims;
using System.Text;
using Rapport.Platform;
using Rapport.Platform.Web;
using Rapport.Tickets.Domain;
using Rapport.Tickets.Features;

namespace Rapport.Tickets.Api;

/// <summary>
/// A desk queue or saved view as CSV, with the same filter and order as on screen and the same rules of who sees what.
/// Streamed page by page, so a large queue never sits in memory.
/// </summary>
internal static class QueueExport
{
    public static void MapQueueExport(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/desk/queues/{queue}.csv", QueueAsync)
            .RequireAuthorization(RapportPolicies.Desk)
            .ExcludeFromDescription();
        routes.MapGet("/desk/views/{id:guid}.csv", ViewAsync)
            .RequireAuthorization(RapportPolicies.Desk)
            .ExcludeFromDescription();
    }

    private static async Task QueueAsync(
        string queue, HttpContext http, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, TimeProvider time)
    {
        if (!TicketQueues.Desk.Contains(queue))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var view = QueueView.Read(queue, http.Request.Query, out _);
        await ExportAsync(view, $"rapport-{queue}", http, await viewers.ForAsync(user, http.RequestAborted), queries, time);
    }

    private static async Task ViewAsync(
        Guid id, HttpContext http, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, ManageSavedViews views, TimeProvider time)
    {
        var viewer = await viewers.ForAsync(user, http.RequestAborted);
        if (await views.FindAsync(id, viewer, http.RequestAborted) is not { } saved)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await ExportAsync(QueueView.FromQuery(saved.Query), $"rapport-{FileName(saved.Name)}", http, viewer, queries, time);
    }

    private static async Task ExportAsync(QueueView view, string name, HttpContext http, TicketViewer viewer, TicketQueries queries, TimeProvider time)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{stamp}.csv\"";
        http.Response.Headers.XContentTypeOptions = "nosniff";

        var body = http.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetPreamble(), http.RequestAborted);
        await WriteAsync(body, CsvExport.Row("number", "subject", "type", "state", "priority", "requester", "assignee", "channel", "created", "updated", "resolved") + "\r\n", http.RequestAborted);
        string? cursor = null;
        do
        {
            var page = await queries.ListAsync(view.ToFilter(cursor, Paging.MaxPageSize), viewer, http.RequestAborted);
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

    /// <summary>A view's name as a file name: letters and digits, the rest as dashes.</summary>
    private static string FileName(string name)
    {
        var safe = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return safe.Length == 0 ? "view" : safe[..Math.Min(safe.Length, 40)];
    }

    private static Task WriteAsync(Stream body, string text, CancellationToken ct) =>
        body.WriteAsync(Encoding.UTF8.GetBytes(text), ct).AsTask();
}
