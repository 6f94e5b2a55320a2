using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Rapport.Platform.Errors;

/// <summary>The one place where errors become RFC 9457 problem details.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult ToProblem(this Error error)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = error.Code,
            ["traceId"] = Activity.Current?.TraceId.ToString(),
        };
        if (error is Invalid invalid)
        {
            extensions["errors"] = invalid.Fields;
        }

        return TypedResults.Problem(
            detail: error.Detail,
            statusCode: StatusCode(error),
            title: Title(error),
            extensions: extensions);
    }

    public static int StatusCode(Error error) => error switch
    {
        Invalid => StatusCodes.Status400BadRequest,
        ForbiddenError => StatusCodes.Status403Forbidden,
        NotFoundError => StatusCodes.Status404NotFound,
        ConflictError => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string Title(Error error) => error switch
    {
        Invalid => "The request has invalid fields.",
        ForbiddenError => "You may not do this.",
        NotFoundError => "Not found.",
        ConflictError => "The request conflicts with the current state.",
        _ => "Something went wrong.",
    };
}
