using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Events;

namespace Rapport.Tests.Infrastructure;

[EventName("tests.something-happened")]
public sealed record SomethingHappened(int Number) : IEvent;

/// <summary>A subscriber's effect in the database: it is saved with the checkpoint, or not at all.</summary>
[EventName("tests.something-echoed")]
public sealed record SomethingEchoed(int Number, string Node) : IEvent;

/// <summary>
/// Records every call (across nodes, in memory) and echoes each event into the log as its database
/// effect. <see cref="FailOn"/> makes it throw once on a given number, as a crash mid-batch would.
/// </summary>
public sealed class EchoSubscriber(string node, ConcurrentQueue<(int Number, string Node)> calls) : IEventSubscriber
{
    public int? FailOn { get; set; }

    public string Name => "tests.echo";

    public IReadOnlyCollection<string> EventTypes { get; } = [EventNames.Of<SomethingHappened>()];

    public async Task HandleAsync(EventEnvelope envelope, IServiceProvider scope, CancellationToken ct)
    {
        var happened = envelope.Payload<SomethingHappened>();
        calls.Enqueue((happened.Number, node));
        if (FailOn == happened.Number)
        {
            FailOn = null;
            throw new InvalidOperationException($"Simulated crash while handling {happened.Number}.");
        }

        scope.GetRequiredService<EventLog>().Append(new SomethingEchoed(happened.Number, node), "test", happened.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Task.Yield();
    }
}
