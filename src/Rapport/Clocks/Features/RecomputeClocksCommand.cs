using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Cli;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Clocks.Features;

/// <summary>
/// <c>rapport clocks recompute</c>: replays every ticket's clocks from the event log, in batches, with
/// progress. After a calendar or promise changed it brings the clocks in line; otherwise it finds
/// nothing to change, which is the proof that the live clocks are what the log says.
/// </summary>
internal sealed class RecomputeClocksCommand(IServiceScopeFactory scopes) : ICliCommand
{
    public string Name => "clocks recompute";

    public string Arguments => "[--batch N]";

    public string Summary => "replay every ticket's clocks from the event log";

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var batch = args.Optional("batch") is { } size
            ? int.TryParse(size, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 10_000 ? n : throw new CliUsageException("--batch must be a number from 1 to 10000.")
            : 1_000;
        args.RejectUnknown();
        var result = await RecomputeAsync(batch, (done, total) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {total:N0} tickets ({(total == 0 ? 100 : done * 100 / total)} %)")), ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Recomputed the clocks of {result.Tickets:N0} tickets in {result.Elapsed.TotalSeconds:0.0} s; {result.Changed:N0} changed."));
        return RapportCommandLine.Ok;
    }

    public sealed record Recomputed(int Tickets, int Changed, TimeSpan Elapsed);

    /// <summary>Every ticket, a batch per transaction, so a stop half-way keeps what was done and a rerun finishes it.</summary>
    public async Task<Recomputed> RecomputeAsync(int batch, Action<int, int> progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var opened = EventNames.Of<TicketOpened>();
        int total;
        await using (var scope = scopes.CreateAsyncScope())
        {
            total = await scope.ServiceProvider.GetRequiredService<RapportDb>().Set<EventLogEntry>().CountAsync(e => e.Type == opened, ct);
        }

        var done = 0;
        var changed = 0;
        var after = 0L;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            var page = await db.Set<EventLogEntry>().AsNoTracking()
                .Where(e => e.Type == opened && e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Select(e => new { e.Sequence, e.CaseId })
                .Take(batch)
                .ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            changed += await scope.ServiceProvider.GetRequiredService<ClockReplay>()
                .ReplayAsync([.. page.Select(p => long.Parse(p.CaseId, CultureInfo.InvariantCulture))], ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            after = page[^1].Sequence;
            done += page.Count;
            progress(done, total);
        }

        return new Recomputed(done, changed, watch.Elapsed);
    }
}
