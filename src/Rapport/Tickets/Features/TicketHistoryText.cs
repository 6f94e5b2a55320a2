using System.Text.Json;
using Rapport.Clocks.Contracts;
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
        long? N(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
        Guid? G(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var g) ? g : null;

        return type switch
        {
            "tickets.ticket-opened" => $"opened the ticket ({S("type")}, priority {S("priority")}, by {S("channel")})",
            "tickets.state-changed" => $"moved it from {TicketStates.Describe(S("from") ?? "")} to {TicketStates.Describe(S("to") ?? "")}"
                + (S("note") is { } note ? $": “{note}”" : "")
                + (S("to") == TicketStates.WaitingOnRequester ? " — the promise clocks pause" : "")
                + (S("from") == TicketStates.WaitingOnRequester && S("to") is not (TicketStates.Resolved or TicketStates.Closed) ? " — the promise clocks run again" : ""),
            "tickets.ticket-assigned" => G("teamId") is null ? "took it off every team" : $"assigned it to {teamName(G("teamId")) ?? "a team"}"
                + (G("assigneeId") is null ? "" : " and an agent"),
            "tickets.priority-changed" => $"set the priority to {S("priority")}: “{S("reason")}”",
            "tickets.details-changed" => $"changed the title to “{S("subject")}” ({S("type")})",
            "tickets.reply-added" => S("authorKind") == "agent" ? "replied" : "wrote",
            "tickets.internal-note-added" => "added an internal note",
            "tickets.ticket-routed" => $"routed it by the rule “{S("ruleName")}”",
            "tickets.attachment-added" => $"attached {S("fileName")}",
            "tickets.colleague-mentioned" => "mentioned a colleague",
            "clocks.clock-at-risk" => $"warned that the {Promise(S("kind"))} promise is at risk: it is due {Instant(p, "dueAt")}",
            "clocks.clock-breached" => $"noted that the {Promise(S("kind"))} promise was not kept: it was due {Instant(p, "dueAt")}"
                + (p.TryGetProperty("escalations", out var escalations) && escalations.GetArrayLength() > 0
                    ? $"; escalated ({string.Join(", ", escalations.EnumerateArray().Select(e => Escalation(e.GetString())))})"
                    : ""),
            "tickets.watcher-added" => $"added {S("personName")} as a watcher",
            "tickets.watcher-removed" => $"removed {S("personName")} from the watchers",
            "tickets.ticket-linked" => $"linked it: {TicketLinkReadings.Label(S("kind") ?? "", fromOtherSide: false)} #{N("otherTicketId")}",
            "tickets.ticket-unlinked" => $"removed the link “#{N("ticketId")} {TicketLinkReadings.Label(S("kind") ?? "", fromOtherSide: false)} #{N("otherTicketId")}”",
            "tickets.ticket-merged" => $"merged it into #{N("intoTicketId")} as a duplicate",
            "tickets.tag-added" => $"tagged it “{S("tag")}”",
            "tickets.tag-removed" => $"removed the tag “{S("tag")}”",
            "mail.message-sent" => $"sent an e-mail to {S("to")} ({S("notice")})",
            "mail.sending-failed" => $"could not send an e-mail to {S("to")}: {S("reason")}",
            _ => type,
        };
    }

    private static string Promise(string? kind) => kind == ClockKinds.FirstResponse ? "first-response" : "resolution";

    private static string Instant(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var v) && v.TryGetDateTimeOffset(out var at)
            ? at.UtcDateTime.ToString("ddd d MMM HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)
            : "";

    private static string Escalation(string? action) => action switch
    {
        EscalationActions.NotifyTeamLead => "shown to the team lead on their Desk",
        EscalationActions.RaisePriority => "priority raised",
        EscalationActions.Reassign => "handed to the team lead",
        _ => action ?? "",
    };
}
