using System.Text.Json;
using Rapport.Clocks.Features;
using Rapport.Platform.Events;

namespace Rapport.Clocks.Subscriptions;

/// <summary>Replays a ticket's clocks after each event that moves them; saved with the dispatcher's checkpoint.</summary>
internal sealed class OnTicketChanged : IEventSubscriber
{
    public string Name => "clocks.replay";

    public IReadOnlyCollection<string> EventTypes => ClockReplay.Inputs;

    public async Task HandleAsync(EventEnvelope envelope, IServiceProvider scope, CancellationToken ct)
    {
        using var payload = JsonDocument.Parse(envelope.Entry.Payload);
        var ticketId = payload.RootElement.GetProperty("ticketId").GetInt64();
        await scope.GetRequiredService<ClockReplay>().ReplayAsync([ticketId], ct);
    }
}
