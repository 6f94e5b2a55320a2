namespace Rapport.Tickets.Domain;

/// <summary>What routing looks at in a new ticket.</summary>
public sealed record RoutingFacts(Guid ServiceId, string Type, Guid? BusinessUnitId, string Subject, IReadOnlyDictionary<string, string?> Answers);

public static class Routing
{
    /// <summary>Whether every condition the rule gives holds for the ticket. A rule without conditions matches everything.</summary>
    public static bool Matches(RoutingConditions conditions, RoutingFacts ticket) =>
        (conditions.ServiceIds.Count == 0 || conditions.ServiceIds.Contains(ticket.ServiceId))
        && (conditions.Types.Count == 0 || conditions.Types.Contains(ticket.Type))
        && (conditions.BusinessUnitIds.Count == 0 || (ticket.BusinessUnitId is { } unit && conditions.BusinessUnitIds.Contains(unit)))
        && (conditions.SubjectWords.Count == 0 || conditions.SubjectWords.Any(w => ContainsWord(ticket.Subject, w)))
        && conditions.Answers.All(a => ticket.Answers.TryGetValue(a.Key, out var value)
            && value is not null
            && value.Split('\n').Any(v => string.Equals(v.Trim(), a.Value, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The first enabled rule, in order, that matches.</summary>
    public static RoutingRule? FirstMatch(IEnumerable<RoutingRule> rules, RoutingFacts ticket) =>
        rules.Where(r => r.IsEnabled).OrderBy(r => r.Position).ThenBy(r => r.CreatedAt).FirstOrDefault(r => Matches(r.Conditions, ticket));

    /// <summary>Round robin: the member after the last one given work, wrapping around.</summary>
    public static Guid? NextInTurn(IReadOnlyList<Guid> members, Guid? last)
    {
        if (members.Count == 0)
        {
            return null;
        }

        var index = last is null ? -1 : members.ToList().IndexOf(last.Value);
        return members[(index + 1) % members.Count];
    }

    /// <summary>Least loaded: the member with the fewest open tickets; ties go to the earlier in the list.</summary>
    public static Guid? LeastLoaded(IReadOnlyList<Guid> members, IReadOnlyDictionary<Guid, int> openWork) =>
        members.Count == 0 ? null : members.OrderBy(m => openWork.GetValueOrDefault(m)).First();

    private static bool ContainsWord(string subject, string word) =>
        !string.IsNullOrWhiteSpace(word) && subject.Contains(word.Trim(), StringComparison.OrdinalIgnoreCase);
}
