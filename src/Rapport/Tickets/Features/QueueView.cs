using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>The orders a queue can be read in. Each one pages by keyset, so the last page costs what the first does.</summary>
public static class TicketSorts
{
    /// <summary>Most recently opened first (the ticket number decides: numbers are handed out as tickets open).</summary>
    public const string Newest = "newest";

    public const string Oldest = "oldest";

    /// <summary>Most recently changed first.</summary>
    public const string Updated = "updated";

    /// <summary>Changed longest ago first: what risks being forgotten.</summary>
    public const string Untouched = "untouched";

    /// <summary>Critical first, then high, medium, low; newest first within each.</summary>
    public const string Priority = "priority";

    /// <summary>What the service promises are due soonest first (breached ones at the top); tickets without a running clock after, newest first.</summary>
    public const string Due = "due";

    public static readonly IReadOnlyList<string> All = [Newest, Oldest, Updated, Untouched, Priority, Due];

    public static string Describe(string sort) => sort switch
    {
        Newest => "Newest first",
        Oldest => "Oldest first",
        Updated => "Recently updated",
        Untouched => "Longest untouched",
        Priority => "Most urgent first",
        Due => "Due first",
        _ => sort,
    };
}

/// <summary>
/// What a desk queue shows and in which order — the part a person can put in a link, export or save as
/// a view. It reads and writes itself as a query string (<c>state=active&amp;priority=high&amp;sort=updated</c>),
/// the same on the queue page, its CSV, the API and saved views.
/// </summary>
public sealed record QueueView
{
    /// <summary>The states in which someone still has to act (the page's default).</summary>
    public const string ActiveStates = "active";

    /// <summary>No filter on the state.</summary>
    public const string AnyState = "all";

    public const string AssignedToMe = "me";

    public const string AssignedToNobody = "none";

    public const int MaxTextLength = 200;

    public string Queue { get; init; } = TicketQueues.Team;

    /// <summary><see cref="ActiveStates"/>, <see cref="AnyState"/> or one state.</summary>
    public string State { get; init; } = ActiveStates;

    public string? Priority { get; init; }

    public string? Type { get; init; }

    public Guid? ServiceId { get; init; }

    public Guid? TeamId { get; init; }

    /// <summary><see cref="AssignedToMe"/>, <see cref="AssignedToNobody"/> or a person's id.</summary>
    public string? Assignee { get; init; }

    /// <summary>Words the subject contains, case-insensitive.</summary>
    public string? Text { get; init; }

    public string Sort { get; init; } = TicketSorts.Newest;

    /// <summary>True when a filter beyond the queue's own defaults leaves tickets out.</summary>
    public bool IsNarrowed => this with { Queue = TicketQueues.Team, Sort = TicketSorts.Newest } != new QueueView();

    /// <summary>
    /// Reads a view from query parameters. Values that make no sense are left out and named in
    /// <paramref name="problems"/>, so a page can show the rest and an API can refuse with the reasons.
    /// </summary>
    public static QueueView Read(string? queue, Func<string, string?> parameter, out IReadOnlyDictionary<string, string[]> problems)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Pick(string name, IReadOnlyList<string> allowed, string what)
        {
            var value = Clean(parameter(name));
            if (value is null || allowed.Contains(value))
            {
                return value;
            }

            errors[name] = [$"'{value}' is not {what}. Use one of: {string.Join(", ", allowed)}."];
            return null;
        }

        Guid? Id(string name, string what)
        {
            var value = Clean(parameter(name));
            if (value is null)
            {
                return null;
            }

            if (Guid.TryParse(value, out var id))
            {
                return id;
            }

            errors[name] = [$"'{value}' is not the id of {what}."];
            return null;
        }

        queue = Clean(queue) ?? Clean(parameter("queue")) ?? TicketQueues.Team;
        if (!TicketQueues.Desk.Contains(queue) && queue != TicketQueues.Requested)
        {
            errors["queue"] = [$"'{queue}' is not a queue. Use one of: {string.Join(", ", [.. TicketQueues.Desk, TicketQueues.Requested])}."];
            queue = TicketQueues.Team;
        }

        var assignee = Clean(parameter("assignee"));
        if (assignee is not null and not AssignedToMe and not AssignedToNobody && !Guid.TryParse(assignee, out _))
        {
            errors["assignee"] = [$"'{assignee}' is not an assignee. Use me, none or a person's id."];
            assignee = null;
        }

        var text = Clean(parameter("q"));
        if (text is { Length: > MaxTextLength })
        {
            errors["q"] = [$"Search for at most {MaxTextLength} characters."];
            text = text[..MaxTextLength];
        }

        var view = new QueueView
        {
            Queue = queue,
            State = Pick("state", [ActiveStates, AnyState, .. TicketStates.All], "a state") ?? ActiveStates,
            Priority = Pick("priority", TicketPriorities.All, "a priority"),
            Type = Pick("type", TicketTypes.All, "a ticket type"),
            ServiceId = Id("service", "a service"),
            TeamId = Id("team", "a team"),
            Assignee = assignee is null or AssignedToMe or AssignedToNobody ? assignee : Guid.Parse(assignee).ToString(),
            Text = text,
            Sort = Pick("sort", TicketSorts.All, "an order") ?? TicketSorts.Newest,
        };
        problems = errors;
        return view;
    }

    public static QueueView Read(string? queue, IEnumerable<KeyValuePair<string, StringValues>> query, out IReadOnlyDictionary<string, string[]> problems)
    {
        var values = query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return Read(queue, name => values.GetValueOrDefault(name), out problems);
    }

    /// <summary>A view from a stored query string (a saved view); what no longer makes sense is dropped.</summary>
    public static QueueView FromQuery(string query) => Read(null, QueryHelpers.ParseQuery(query), out _);

    /// <summary>The view as a query string, without the leading '?'. Defaults other than the state are left out.</summary>
    public string ToQuery(bool withQueue = false)
    {
        var parts = new List<(string Name, string Value)>();
        if (withQueue)
        {
            parts.Add(("queue", Queue));
        }

        parts.Add(("state", State));
        Add("priority", Priority);
        Add("type", Type);
        Add("service", ServiceId?.ToString());
        Add("team", TeamId?.ToString());
        Add("assignee", Assignee);
        Add("q", Text);
        if (Sort != TicketSorts.Newest)
        {
            parts.Add(("sort", Sort));
        }

        var text = new StringBuilder();
        foreach (var (name, value) in parts)
        {
            text.Append(text.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add((name, value));
            }
        }
    }

    public TicketFilter ToFilter(string? cursor = null, int? size = null) =>
        new(Queue, State == AnyState ? null : State, cursor, size)
        {
            Priority = Priority,
            Type = Type,
            ServiceId = ServiceId,
            TeamId = TeamId,
            Assignee = Assignee,
            Text = Text,
            Sort = Sort,
        };

    private static string? Clean(string? value)
    {
        value = value?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
