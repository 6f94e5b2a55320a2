namespace Rapport.Platform.Errors;

/// <summary>
/// An expected failure, told to a person: a stable code for programs and a sentence for people.
/// Domain code returns these; the HTTP edge turns them into ProblemDetails in one place.
/// </summary>
public abstract record Error(string Code, string Detail);

/// <summary>The input is wrong; <see cref="Fields"/> says which field and why.</summary>
public record Invalid(string Code, string Detail, IReadOnlyDictionary<string, string[]> Fields) : Error(Code, Detail)
{
    public static Invalid Field(string field, string message) =>
        new("invalid", message, new Dictionary<string, string[]> { [field] = [message] });
}

public record NotFoundError(string Code, string Detail) : Error(Code, Detail);

/// <summary>The request clashes with the current state (including someone else's concurrent edit).</summary>
public record ConflictError(string Code, string Detail) : Error(Code, Detail);

public record ForbiddenError(string Code, string Detail) : Error(Code, Detail);

/// <summary>Someone else changed the same thing first.</summary>
public sealed record ConcurrentEdit(string What) : ConflictError(
    "concurrent-edit",
    $"{What} was changed by someone else while you were editing. Reload to see their change, then apply yours again.");
