using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Rapport.Clocks.Features;
using Rapport.Clocks.Pages;
using Rapport.Platform;

namespace Rapport.Clocks.Api;

/// <summary>
/// The promise editor's reading-ease note alone, for htmx: posted as the text is typed and swapped in
/// under it. The page works without it: "Check the text" posts the whole form and shows the same note.
/// </summary>
internal static class ReadabilityFragment
{
    public const string Path = "/admin/promises/readability";

    public static void MapReadabilityFragment(this IEndpointRouteBuilder routes) =>
        routes.MapPost(Path, ScoreAsync).RequireAuthorization(RapportPolicies.Admin).ExcludeFromDescription();

    private static async Task<IResult> ScoreAsync(HttpContext http, IAntiforgery antiforgery, IOptions<ClocksOptions> options)
    {
        // Harmless as it is (it changes nothing), but every form post here carries the page's token.
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<ReadabilityNote>(new Dictionary<string, object?>
        {
            [nameof(ReadabilityNote.Text)] = form["text"].ToString(),
            [nameof(ReadabilityNote.Threshold)] = options.Value.ReadabilityThreshold,
        });
    }
}
