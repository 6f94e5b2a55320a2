using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Platform.Database;

namespace Rapport.Platform.Events;

/// <summary>
/// Hands events to every subscriber in order. For each subscriber one transaction takes its
/// checkpoint, runs the handler on a batch, saves the handler's changes with the moved checkpoint and
/// commits: a crash before the commit means the batch is handled again, never skipped.
/// </summary>
public sealed class EventDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IEventSubscriber> subscribers,
    IEventFeed feed,
    TimeProvider time,
    IOptions<RapportOptions> options,
    ILogger<EventDispatcher> logger)
{
    private readonly IReadOnlyList<IEventSubscriber> _subscribers = [.. subscribers];

    public IReadOnlyList<IEventSubscriber> Subscribers => _subscribers;

    /// <summary>Runs every subscriber once; answers how many events were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var handled = 0;
        foreach (var subscriber in _subscribers)
        {
            try
            {
                handled += await RunSubscriberAsync(subscriber, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The transaction rolled back: the checkpoint stays where it was and the batch comes again.
                logger.LogError(ex, "Subscriber {Subscriber} failed; its events will be handed to it again.", subscriber.Name);
            }
        }

        return handled;
    }

    /// <summary>
    /// Runs until no subscriber finds anything left to do, waiting briefly for events that another
    /// transaction still holds back (used by commands and tests, which need everything handled).
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken ct, bool waitForHeldBack = true)
    {
        var total = 0;
        for (var waits = 0; waits < (waitForHeldBack ? 500 : 1);)
        {
            var handled = await RunOnceAsync(ct);
            total += handled;
            if (handled > 0)
            {
                continue;
            }

            if (!waitForHeldBack)
            {
                break;
            }

            if (!await HasHeldBackEventsAsync(ct))
            {
                // Events that turned visible between the empty round and the check get one more round.
                var late = await RunOnceAsync(ct);
                total += late;
                if (late == 0)
                {
                    break;
                }

                continue;
            }

            waits++;
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }

        return total;
    }

    private async Task<bool> HasHeldBackEventsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await feed.HasHeldBackEventsAsync(scope.ServiceProvider.GetRequiredService<RapportDb>(), ct);
    }

    private async Task<int> RunSubscriberAsync(IEventSubscriber subscriber, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(Actor.System);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var checkpoint = await feed.TryTakeAsync(db, subscriber.Name, ct);
        if (checkpoint is null)
        {
            return 0;
        }

        var batch = await feed.ReadAfterAsync(db, checkpoint.Position, subscriber.EventTypes, options.Value.Events.BatchSize, ct);
        if (batch.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }

        foreach (var envelope in batch)
        {
            using (logger.BeginScope("Event {EventId} ({Type})", envelope.EventId, envelope.Type))
            {
                await subscriber.HandleAsync(envelope, scope.ServiceProvider, ct);
            }
        }

        var last = batch[^1].Position;
        checkpoint.PositionTransaction = last.Transaction;
        checkpoint.PositionSequence = last.Sequence;
        checkpoint.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return batch.Count;
    }
}

/// <summary>Runs the dispatcher in the background: woken after each save, and by a poll for other nodes' events.</summary>
internal sealed class EventDispatchLoop(
    EventDispatcher dispatcher,
    EventSignal signal,
    TimeProvider time,
    IOptions<RapportOptions> options,
    ILogger<EventDispatchLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Events.Dispatch)
        {
            return;
        }

        var poll = TimeSpan.FromMilliseconds(options.Value.Events.PollIntervalMs);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The poll comes back for events another transaction holds back; no need to wait here.
                await dispatcher.DrainAsync(stoppingToken, waitForHeldBack: false);
                failures = 0;
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(signal.WaitAsync(wait.Token), Task.Delay(poll, time, wait.Token));
                await wait.CancelAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var backOff = TimeSpan.FromMilliseconds(Math.Min(60_000, poll.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 10))));
                logger.LogWarning(ex, "Event dispatch failed; trying again in {BackOff}.", backOff);
                try
                {
                    await Task.Delay(backOff, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
