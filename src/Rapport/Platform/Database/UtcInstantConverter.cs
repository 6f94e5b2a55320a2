using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rapport.Platform.Database;

/// <summary>Stores an instant as fixed-width UTC text (ISO 8601), so that text order is time order.</summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
    v => new DateTimeOffset(DateTime.ParseExact(v, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero))
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
