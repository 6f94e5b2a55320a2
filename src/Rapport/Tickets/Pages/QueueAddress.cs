using Rapport.Tickets.Features;

namespace Rapport.Tickets.Pages;

/// <summary>
/// Where one desk list lives — a queue with its filter in the link, or a saved view — and so the
/// addresses of its page, of its table alone (for htmx) and of its CSV, page cursor included.
/// </summary>
public sealed record QueueAddress(QueueView View, Guid? SavedViewId = null)
{
    public string Path => SavedViewId is { } id ? $"/desk/views/{id}" : $"/desk/queues/{View.Queue}";

    /// <summary>A saved view's filter is in the view, not in its link.</summary>
    private string Filter => SavedViewId is null ? View.ToQuery() : "";

    public string Page(string? cursor = null) => Link(Path, cursor);

    public string Table(string? cursor = null) => Link(Path + "/table", cursor);

    public string Csv => Link(Path + ".csv", null);

    /// <summary>This page again with a message to show, e.g. after a form.</summary>
    public string Done(string done, string? cursor = null)
    {
        var page = Link(Path, cursor);
        return page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "done=" + Uri.EscapeDataString(done);
    }

    private string Link(string path, string? cursor)
    {
        var query = Filter;
        if (!string.IsNullOrEmpty(cursor))
        {
            query += (query.Length > 0 ? "&" : "") + "cursor=" + Uri.EscapeDataString(cursor);
        }

        return query.Length > 0 ? $"{path}?{query}" : path;
    }
}
