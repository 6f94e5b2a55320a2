using System.Text.Json;
using Rapport.Platform.Events;

namespace Rapport.Webhooks.Domain;

/// <summary>
/// What a receiver gets: the event's envelope and its payload as <c>data</c>. Fixed when the delivery is
/// made, so every attempt sends the same bytes.
/// </summary>
public static class WebhookBody
{
    public static string Of(EventLogEntry entry)
    {
        using var payload = JsonDocument.Parse(entry.Payload);
        return JsonSerializer.Serialize(
            new
            {
                id = entry.EventId,
                type = entry.Type,
                version = entry.Version,
                occurredAt = entry.OccurredAt.ToUniversalTime(),
                caseType = entry.CaseType,
                caseId = entry.CaseId,
                actorKind = entry.ActorKind.ToString().ToLowerInvariant(),
                data = payload.RootElement,
            },
            EventJson.Options);
    }
}
