using Rapport.Mail.Features;

namespace Rapport.Mail.Jobs;

/// <summary>The rhythm of the mail jobs: a round now, then one every poll interval, surviving failed rounds.</summary>
internal static class MailLoop
{
    public static async Task RunAsync(MailOptions options, TimeProvider time, ILogger logger, string what, Func<CancellationToken, Task<int>> round, CancellationToken stoppingToken)
    {
        if (!options.Run)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await round(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "{What} failed; trying again in {Poll}.", what, options.PollInterval);
            }

            try
            {
                await Task.Delay(options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
