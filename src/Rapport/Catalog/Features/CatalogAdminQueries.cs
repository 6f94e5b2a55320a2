using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Events;

namespace Rapport.Catalog.Features;

/// <summary>One event of a service's or the matrix's history, as the log holds it.</summary>
public sealed record CatalogHistoryEntry(long Sequence, string Type, DateTimeOffset OccurredAt, string? ActorId, ActorKind ActorKind, string Payload);

/// <summary>What the catalog's admin pages and API read: drafts included, with their history.</summary>
public sealed class CatalogAdminQueries(RapportDb db)
{
    /// <summary>Every service, drafts too. A catalog is as long as the departments make it: a few hundred at most.</summary>
    public async Task<IReadOnlyList<Service>> ListAsync(CancellationToken ct) =>
        await db.Set<Service>().AsNoTracking().OrderBy(s => s.Category).ThenBy(s => s.Name).ToListAsync(ct);

    public async Task<Service?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<Service>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>The service's events, oldest first.</summary>
    public Task<List<CatalogHistoryEntry>> HistoryAsync(Guid id, CancellationToken ct) =>
        HistoryAsync(CatalogRules.ServiceCase, id.ToString(), int.MaxValue, ct);

    /// <summary>The matrix's most recent changes, oldest first.</summary>
    public Task<List<CatalogHistoryEntry>> MatrixHistoryAsync(int last, CancellationToken ct) =>
        HistoryAsync(CatalogRules.MatrixCase, CatalogRules.MatrixCaseId, last, ct);

    /// <summary>All nine cells; a cell that is missing reads as the default, as <see cref="CatalogQueries.PriorityOfAsync"/> does.</summary>
    public async Task<IReadOnlyDictionary<(string Impact, string Urgency), string>> MatrixAsync(CancellationToken ct)
    {
        var stored = await db.Set<PriorityMatrixCell>().AsNoTracking().ToListAsync(ct);
        return (from impact in Levels.All
                from urgency in Levels.All
                select (impact, urgency))
            .ToDictionary(
                c => c,
                c => stored.SingleOrDefault(s => s.Impact == c.impact && s.Urgency == c.urgency)?.Priority ?? Priorities.Default(c.impact, c.urgency));
    }

    private async Task<List<CatalogHistoryEntry>> HistoryAsync(string caseType, string caseId, int last, CancellationToken ct)
    {
        var newestFirst = await db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.CaseType == caseType && e.CaseId == caseId)
            .OrderByDescending(e => e.Sequence)
            .Take(last)
            .Select(e => new CatalogHistoryEntry(e.Sequence, e.Type, e.OccurredAt, e.ActorId, e.ActorKind, e.Payload))
            .ToListAsync(ct);
        newestFirst.Reverse();
        return newestFirst;
    }
}
