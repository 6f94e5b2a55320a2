using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

public abstract class EventLogTests(RapportApp app)
{
    private static async Task AppendAsync(RapportNode node, int from, int count)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var log = scope.ServiceProvider.GetRequiredService<EventLog>();
        for (var i = from; i < from + count; i++)
        {
            log.Append(new SomethingHappened(i), "test", i.ToString(CultureInfo.InvariantCulture));
        }

        await db.SaveChangesAsync();
    }

    private static RapportNode NodeWithEcho(RapportApp app, string name, ConcurrentQueue<(int, string)> calls, EchoSubscriber? subscriber = null) =>
        app.StartNode(s => s.AddSingleton<IEventSubscriber>(subscriber ?? new EchoSubscriber(name, calls)));

    /// <summary>The echoes (the subscriber's saved effects) of events numbered from..from+count-1.</summary>
    private async Task<List<int>> EchoesAsync(int from, int count) =>
        (await app.EventsAsync("tests.something-echoed"))
            .Select(e => JsonSerializer.Deserialize<SomethingEchoed>(e.Payload, EventJson.Options)!.Number)
            .Where(n => n >= from && n < from + count)
            .Order()
            .ToList();

    private static List<int> Handled(ConcurrentQueue<(int Number, string Node)> calls, int from, int count) =>
        [.. calls.Select(c => c.Number).Where(n => n >= from && n < from + count)];

    [Fact]
    public async Task Append_IsSavedWithTheStateItDescribes_AndNotWithoutIt()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var log = scope.ServiceProvider.GetRequiredService<EventLog>();
        var before = (await app.EventsAsync("tests.something-happened")).Count;

        log.Append(new SomethingHappened(-1), "test", "rolled-back");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, (await app.EventsAsync("tests.something-happened")).Count);
    }

    [Fact]
    public async Task Entry_CarriesTypeModuleCaseActorTimeAndPayload()
    {
        await AppendAsync(app.Node, 4242, 1);

        var entry = (await app.EventsAsync("tests.something-happened")).Single(e => e.CaseId == "4242");
        Assert.Equal("tests", entry.Module);
        Assert.Equal("test", entry.CaseType);
        Assert.Equal(1, entry.Version);
        Assert.Equal(ActorKind.System, entry.ActorKind);
        Assert.Equal(app.Time.GetUtcNow(), entry.OccurredAt);
        Assert.Equal(4242, JsonSerializer.Deserialize<SomethingHappened>(entry.Payload, EventJson.Options)!.Number);
        Assert.NotEqual(Guid.Empty, entry.EventId);
    }

    [Fact]
    public async Task Log_IsAppendOnly()
    {
        await AppendAsync(app.Node, 7, 1);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var entry = await db.Set<EventLogEntry>().FirstAsync();
        db.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task CrashBetweenCommitAndDispatch_LosesNothing_TheNextNodeHandsEveryEventOnInOrder()
    {
        var calls = new ConcurrentQueue<(int, string)>();
        var crashed = NodeWithEcho(app, "crashed", calls);
        await AppendAsync(crashed, 1000, 25);
        await crashed.DisposeAsync(); // the process dies before its dispatcher ran

        var survivor = NodeWithEcho(app, "survivor", calls);
        await survivor.DrainEventsAsync();

        Assert.Equal(Enumerable.Range(1000, 25), Handled(calls, 1000, 25));
        Assert.Equal(Enumerable.Range(1000, 25), await EchoesAsync(1000, 25));
    }

    [Fact]
    public async Task CrashWhileHandling_RollsBackTheBatch_EffectsHappenExactlyOnce()
    {
        var calls = new ConcurrentQueue<(int, string)>();
        var subscriber = new EchoSubscriber("node", calls) { FailOn = 2003 };
        var node = NodeWithEcho(app, "node", calls, subscriber);
        await node.DrainEventsAsync(); // catch up with whatever earlier tests left
        await AppendAsync(node, 2001, 5);

        await node.Services.GetRequiredService<EventDispatcher>().RunOnceAsync(CancellationToken.None); // fails on 2003: nothing of the batch is kept
        Assert.Empty(await EchoesAsync(2001, 5));

        await node.DrainEventsAsync(); // handed again, from 2001
        Assert.Equal([2001, 2002, 2003, 2004, 2005], await EchoesAsync(2001, 5));
        Assert.Equal([2001, 2002, 2003, 2001, 2002, 2003, 2004, 2005], Handled(calls, 2001, 5)); // at least once, in order
    }

    [Fact]
    public async Task TwoNodes_DispatchingAtOnce_NeverBothHandleOneEvent()
    {
        var calls = new ConcurrentQueue<(int, string)>();
        var a = NodeWithEcho(app, "a", calls);
        var b = NodeWithEcho(app, "b", calls);
        const int first = 3000;
        const int total = 400;

        var writers = Enumerable.Range(0, 8).Select(w => AppendAsync(w % 2 == 0 ? a : b, first + (w * (total / 8)), total / 8));
        var dispatchers = new[] { a, b }.Select(node => Task.Run(async () =>
        {
            for (var round = 0; round < 40 && Handled(calls, first, total).Count < total; round++)
            {
                await node.DrainEventsAsync();
            }
        }));
        await Task.WhenAll(writers);
        await Task.WhenAll(dispatchers);
        await a.DrainEventsAsync();
        await b.DrainEventsAsync();

        var handled = Handled(calls, first, total);
        Assert.Equal(total, handled.Count); // no event handled twice
        Assert.Equal(Enumerable.Range(first, total), handled.Order());
        Assert.Equal(Enumerable.Range(first, total), await EchoesAsync(first, total));
    }
}

public sealed class EventLogTests_Sqlite(SqliteApp app) : EventLogTests(app), IClassFixture<SqliteApp>;

public sealed class EventLogTests_Postgres(PostgresApp app) : EventLogTests(app), IClassFixture<PostgresApp>;
