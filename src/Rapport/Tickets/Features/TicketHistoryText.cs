using System.Text.Json;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>What an event in a ticket's history means, in a sentence.</summary>
public static class TicketHistoryText
{
    public static string Describe(string type, string payload, Func<Guid?, string?> teamName)
    {
        using var json = JsonDocument.Parse(payload);
        var p = json.RootElement;
        string? S(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        Guid? G(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var g) ? g : null;

        return type switch
        {
            "tickets.ticket-opened" => $"opened the ticket ({S("type")}, priority {S("priority")}, by {S("channel")})",
            "tickets.state-changed" => $"moved it from {TicketStates.Describe(S("from") ?? "")} to {TicketStates.Describe(S("to") ?? "")}"
                + (S("note") is { } note ? $": “{note}”" : ""),
            "tickets.ticket-assigned" => G("teamId") is null ? "took it off every team" : $"assigned it to {teamName(G("teamId")) ?? "a team"}"
                + (G("assigneeId") is null ? "" : " and an agent"),
            "tickets.priority-changed" => $"set the priority to {S("priority")}: “{S("reason")}”",
            "tickets.details-changed" => $"changed the title to “{S("subject")}” ({S("type")})",
            "tickets.reply-added" => S("authorKind") == "agent" ? "replied" : "wrote",
            "tickets.internal-note-added" => "added an internal note",
            "tickets.ticket-routed" => $"routed it by the rule “{S("ruleName")}”",
            _ => type,
        };
    }
}
