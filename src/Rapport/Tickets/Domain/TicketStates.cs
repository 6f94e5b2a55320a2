namespace Rapport.Tickets.Domain;

/// <summary>Where a ticket is in its life, and the moves allowed between states.</summary>
public static class TicketStates
{
    public const string New = "new";
    public const string Open = "open";
    public const string WaitingOnRequester = "waiting-on-requester";
    public const string WaitingOnThirdParty = "waiting-on-third-party";
    public const string Resolved = "resolved";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [New, Open, WaitingOnRequester, WaitingOnThirdParty, Resolved, Closed];

    /// <summary>States in which someone still has to act.</summary>
    public static readonly IReadOnlyList<string> Active = [New, Open, WaitingOnRequester, WaitingOnThirdParty];

    private static readonly Dictionary<string, string[]> Moves = new(StringComparer.Ordinal)
    {
        [New] = [Open, WaitingOnRequester, WaitingOnThirdParty, Resolved, Closed],
        [Open] = [WaitingOnRequester, WaitingOnThirdParty, Resolved],
        [WaitingOnRequester] = [Open, WaitingOnThirdParty, Resolved],
        [WaitingOnThirdParty] = [Open, WaitingOnRequester, Resolved],
        [Resolved] = [Open, Closed],
        [Closed] = [],
    };

    public static bool CanMove(string from, string to) => Moves.TryGetValue(from, out var allowed) && allowed.Contains(to);

    /// <summary>
    /// A duplicate closes from wherever it is, without being resolved: its work goes on in the ticket it
    /// was merged into. Only a closed ticket cannot be closed again.
    /// </summary>
    public static bool CanCloseAsDuplicate(string from) => Moves.ContainsKey(from) && from != Closed;

    public static IReadOnlyList<string> NextFrom(string from) => Moves.TryGetValue(from, out var allowed) ? allowed : [];

    /// <summary>For agents: short and exact.</summary>
    public static string Describe(string state) => state switch
    {
        New => "new",
        Open => "open",
        WaitingOnRequester => "waiting on the requester",
        WaitingOnThirdParty => "waiting on a third party",
        Resolved => "resolved",
        Closed => "closed",
        _ => state,
    };

    /// <summary>For requesters: what it means for them, in plain words.</summary>
    public static string ForRequester(string state) => state switch
    {
        New => "Received — we will look at it soon",
        Open => "We are working on it",
        WaitingOnRequester => "Waiting for your answer",
        WaitingOnThirdParty => "Waiting on a supplier or another team",
        Resolved => "Solved — reply if it is not",
        Closed => "Closed",
        _ => state,
    };
}

public static class TicketTypes
{
    public static readonly IReadOnlyList<string> All = ["incident", "request", "question", "complaint"];
}

public static class TicketPriorities
{
    public static readonly IReadOnlyList<string> All = ["critical", "high", "medium", "low"];

    public static readonly IReadOnlyList<string> Levels = ["low", "medium", "high"];
}
