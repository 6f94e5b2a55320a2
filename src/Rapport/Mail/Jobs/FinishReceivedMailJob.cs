using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Mail.Domain;
using Rapport.Mail.Features;
using Rapport.Platform.Database;

namespace Rapport.Mail.Jobs;

/// <summary>
/// Finishes messages that were kept but not processed: a node stopped between the two. Runs at start
/// and then every poll; processing takes each message's row first, so nodes never process one twice.
/// </summary>
public sealed class FinishReceivedMailJob(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider time, ILogger<FinishReceivedMailJob> logger) : BackgroundService
{
    private const int Batch = 50;

    /// <summary>Processes every message still waiting; answers how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var done = 0;
        var seen = new HashSet<Guid>();
        while (true)
        {
            List<Guid> waiting;
            await using (var scope = scopes.CreateAsyncScope())
            {
                waiting = await scope.ServiceProvider.GetRequiredService<RapportDb>().Set<MailMessage>().AsNoTracking()
                    .Where(m => m.Direction == MailDirections.Inbound && m.State == MailStates.Received)
                    .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(Batch).ToListAsync(ct);
            }

            waiting.RemoveAll(id => !seen.Add(id));
            if (waiting.Count == 0)
            {
                return done;
            }

            foreach (var id in waiting)
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<ProcessMail>().ProcessAsync(id, ct);
                    done++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Left received: the next pass tries again, and an administrator sees it waiting.
                    logger.LogWarning(e, "Processing mail {MessageId} failed; it is tried again later.", id);
                }
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MailLoop.RunAsync(options.Value, time, logger, "Finishing received mail", RunOnceAsync, stoppingToken);
}
