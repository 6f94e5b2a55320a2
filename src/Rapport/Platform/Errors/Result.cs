using System.Diagnostics.CodeAnalysis;

namespace Rapport.Platform.Errors;

/// <summary>A value or the error that stopped it.</summary>
public readonly record struct Result<T>
{
    internal Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);


    public static implicit operator Result<T>(Error error) => new(default, error);
}

public static class Result
{
    /// <summary>Success, for values whose type is an interface (C# has no implicit conversions from those).</summary>
    public static Result<T> Ok<T>(T value) => new(value, null);
}
