using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Rapport.Platform.Web;

/// <summary>
/// Keyset paging: a page is "the next N after this key", never OFFSET, so page 10,000 costs what
/// page 1 costs. The cursor is the last row's sort key, opaque to clients (base64url JSON).
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static int Size(int? requested) => Math.Clamp(requested ?? DefaultPageSize, 1, MaxPageSize);

    public static string Encode<T>(T key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    /// <summary>The key in a cursor, or default when the cursor is missing or not one of ours.</summary>
    public static T? Decode<T>(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return default;
        }
    }
}

/// <summary>One page of a list and the cursor of the next, if there is one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
