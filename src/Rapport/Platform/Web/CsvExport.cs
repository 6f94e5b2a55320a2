using System.Globalization;
using System.Text;

namespace Rapport.Platform.Web;

/// <summary>
/// CSV for spreadsheets (RFC 4180, UTF-8 with BOM so Excel reads accents). Cells that a spreadsheet
/// would run as a formula (=, +, -, @, tab, carriage return) get a leading apostrophe: OWASP's advice
/// against CSV injection.
/// </summary>
public static class CsvExport
{
    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Cell(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Row(params IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>A download of <paramref name="rows"/> under <paramref name="header"/>.</summary>
    public static IResult File(string fileName, IEnumerable<string?> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        text.Append(Row(header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(Row(row)).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", fileName);
    }
}
