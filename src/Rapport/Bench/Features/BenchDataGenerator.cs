using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;
using Rapport.Platform.Events;
using Rapport.Platform.Web;

namespace Rapport.Bench.Features;

public sealed record BenchDataRequest(int Tickets, int Seed, string Password);

public sealed record GeneratedData(int Tickets, int People, long Events, TimeSpan Elapsed);

/// <summary>
/// Builds the benchmark's data set on the configured database: the demo organisation and catalog
/// (with their calendars and promises), thousands of requesters, and tickets over three years with
/// their conversations, files and events. The same seed gives the same data on either database.
/// </summary>
public sealed class BenchDataGenerator(
    IServiceScopeFactory scopes,
    DemoSeeder demo,
    IEnumerable<IEventSubscriber> subscribers,
    MarkdownRenderer markdown,
    TimeProvider time)
{
    private const int BatchSize = 5_000;

    public static readonly TimeSpan Span = TimeSpan.FromDays(3 * 365);

    public async Task<GeneratedData> GenerateAsync(BenchDataRequest request, Action<string> progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var existing = await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM tickets").SingleAsync(ct);
        if (existing > 0)
        {
            throw new InvalidOperationException(
                $"The database holds {existing:N0} tickets already. The benchmark generates into an empty database: point Rapport at a new SQLite file or PostgreSQL database.");
        }

        foreach (var table in BenchTables.All)
        {
            table.CheckAgainst(db);
        }

        progress("seeding the demo organisation, catalog, calendars and promises");
        await demo.SeedAsync(request.Password, withSampleWork: false, ct);

        var now = time.GetUtcNow();
        var from = now - Span;
        var random = new Random(request.Seed);
        var ids = new SeededIds(random);
        var sequence = await db.Database.SqlQueryRaw<long>("SELECT COALESCE(MAX(sequence), 0) AS \"Value\" FROM event_log").SingleAsync(ct) + 1;
        var firstSequence = sequence;

        var organisation = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        var peopleBatch = new BenchBatch();
        var peopleCount = Math.Clamp(request.Tickets / 100, 200, 20_000);
        var people = GeneratedPeople.Make(peopleCount, await organisation.ListBusinessUnitsAsync(ct), random, ids, from, peopleBatch, ref sequence);
        var cast = await BenchCast.ReadAsync(scope.ServiceProvider.GetRequiredService<ICatalog>(), organisation, people, ct);

        var html = TicketStories.CommentBodies.Distinct(StringComparer.Ordinal).ToDictionary(b => b, markdown.ToHtml, StringComparer.Ordinal);
        var history = new GeneratedHistory(cast, random.Next(), from, now, request.Tickets, 1, sequence, body => html[body]);

        await using var loader = LoaderFor(db);
        await loader.BeginAsync(ct);
        await loader.WriteAsync(peopleBatch, ct);
        progress($"{peopleCount:N0} people added");

        // Generating and writing overlap: one core makes the next batch while the database takes this one.
        var batches = Channel.CreateBounded<BenchBatch>(2);
        var making = Task.Run(async () =>
        {
            try
            {
                while (history.Made < request.Tickets)
                {
                    await batches.Writer.WriteAsync(history.Next(BatchSize), ct);
                }
            }
            finally
            {
                batches.Writer.Complete();
            }
        }, ct);

        var written = 0;
        var writing = Stopwatch.StartNew();
        await foreach (var batch in batches.Reader.ReadAllAsync(ct))
        {
            await loader.WriteAsync(batch, ct);
            written += batch.Tickets;
            var rate = written / Math.Max(writing.Elapsed.TotalSeconds, 0.001);
            progress($"{written:N0} of {request.Tickets:N0} tickets ({written * 100L / Math.Max(request.Tickets, 1)} %), {rate:N0} a second");
        }

        await making;
        await loader.FinishAsync(progress, ct);
        await loader.SkipHistoryAsync(subscribers.Select(s => s.Name), time.GetUtcNow(), ct);
        return new GeneratedData(written, peopleCount, history.NextSequence - firstSequence, watch.Elapsed);
    }

    private static IBulkLoader LoaderFor(RapportDb db)
    {
        var connection = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
        return db.Database.IsNpgsql() ? new PostgresBulkLoader(connection) : new SqliteBulkLoader(connection);
    }
}
