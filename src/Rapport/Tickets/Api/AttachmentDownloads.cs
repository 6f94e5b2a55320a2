using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Rapport.Platform.Files;
using Rapport.Tickets.Domain;
using Rapport.Tickets.Features;

namespace Rapport.Tickets.Api;

/// <summary>
/// Serves attachments so that nothing in them can run in the browser: everything but plain images
/// downloads as an opaque file, nothing is sniffed, and a sandboxing content security policy covers
/// whatever a browser opens anyway. Pages and the API share this.
/// </summary>
internal static class AttachmentDownloads
{
    /// <summary>Images a browser shows but never runs (SVG can carry script, so it is not here).</summary>
    private static readonly HashSet<string> InlineImages = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    public static void MapAttachmentDownloads(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/tickets/{id:long}/attachments/{attachmentId:guid}", DownloadAsync)
            .RequireAuthorization()
            .ExcludeFromDescription();

    /// <summary>The address pages link to.</summary>
    public static string PageUrl(TicketAttachment attachment) => $"/tickets/{attachment.TicketId}/attachments/{attachment.Id}";

    public static async Task<IResult> DownloadAsync(
        long id, Guid attachmentId, HttpContext http, ClaimsPrincipal user, TicketViewers viewers, TicketQueries queries, FileStore store)
    {
        var viewer = await viewers.ForAsync(user, http.RequestAborted);
        var attachment = await queries.FindAttachmentAsync(id, attachmentId, viewer, http.RequestAborted);
        var content = attachment is null ? null : store.OpenRead(attachment.Sha256);
        if (attachment is null || content is null)
        {
            return TypedResults.Problem(TicketErrors.NotFound(id).Detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";
        headers.CacheControl = "private, max-age=86400";
        var tag = new EntityTagHeaderValue($"\"{attachment.Sha256}\"");
        if (InlineImages.Contains(attachment.ContentType))
        {
            headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = attachment.FileName }.ToString();
            return TypedResults.File(content, attachment.ContentType, entityTag: tag, enableRangeProcessing: true);
        }

        return TypedResults.File(content, "application/octet-stream", attachment.FileName, entityTag: tag, enableRangeProcessing: true);
    }
}
