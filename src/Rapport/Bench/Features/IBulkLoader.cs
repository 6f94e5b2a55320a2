namespace Rapport.Bench.Features;

/// <summary>
/// Writes generated rows the fastest way each database offers: binary COPY on PostgreSQL, prepared
/// inserts in large transactions on SQLite. Secondary indexes of the big tables are dropped for the
/// load and built once at the end, which is far quicker than keeping them up to date row by row.
/// </summary>
public interface IBulkLoader : IAsyncDisposable
{
    /// <summary>Opens the connection, tunes it for loading and drops the big tables' secondary indexes.</summary>
    Task BeginAsync(CancellationToken ct);

    /// <summary>Writes a batch in one transaction.</summary>
    Task WriteAsync(BenchBatch batch, CancellationToken ct);

    /// <summary>Builds the dropped indexes again, moves id sequences past the loaded rows and refreshes planner statistics.</summary>
    Task FinishAsync(Action<string> progress, CancellationToken ct);

    /// <summary>
    /// Puts every subscriber's checkpoint after the generated history: it is imported history, not
    /// news. Clocks are rebuilt from it with <c>rapport clocks recompute</c>.
    /// </summary>
    Task SkipHistoryAsync(IEnumerable<string> subscribers, DateTimeOffset now, CancellationToken ct);
}
