using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Clocks.Domain;
using Rapport.Clocks.Features;
using Rapport.Platform.Cli;
using Rapport.Platform.Demo;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Clocks;

/// <summary>Clocks are derived from the event log: recomputing the whole demo gives exactly what was kept live.</summary>
public abstract class ClockRecomputeTests(RapportApp app)
{
    private Task<List<TicketClock>> ClocksAsync() =>
        app.QueryAsync(db => db.Set<TicketClock>().AsNoTracking().OrderBy(c => c.TicketId).ThenBy(c => c.Kind).ToListAsync());

    private static string Describe(TicketClock c) =>
        $"{c.TicketId} {c.Kind} {c.TargetSeconds} {c.ElapsedSeconds} {c.StartedAt:O} {c.RunningSince:O} {c.PausedSince:O} {c.StoppedAt:O} {c.DueAt:O} {c.WarnAt:O}";

    [Fact]
    public async Task RecomputingTheDemo_FromItsEvents_EqualsTheLiveClocks()
    {
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        await app.DrainEventsAsync();
        var live = await ClocksAsync();
        var recompute = app.Services.GetServices<ICliCommand>().OfType<RecomputeClocksCommand>().Single();
        var progress = new List<int>();

        var result = await recompute.RecomputeAsync(100, (done, _) => progress.Add(done), CancellationToken.None);

        Assert.True(live.Count > 300, $"The demo should have clocks for its tickets; it has {live.Count}.");
        Assert.Equal(0, result.Changed);
        Assert.Equal(live.Select(Describe), (await ClocksAsync()).Select(Describe));
        Assert.True(progress.Count > 1);
        Assert.Equal(result.Tickets, progress[^1]);
        Assert.Contains(live, c => c.StoppedAt is not null);
        Assert.Contains(live, c => c.PausedSince is not null || c.DueAt is not null);
    }
}

public sealed class ClockRecomputeTests_Sqlite(SqliteApp app) : ClockRecomputeTests(app), IClassFixture<SqliteApp>;

public sealed class ClockRecomputeTests_Postgres(PostgresApp app) : ClockRecomputeTests(app), IClassFixture<PostgresApp>;
