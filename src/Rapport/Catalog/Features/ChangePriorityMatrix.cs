using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Catalog.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Catalog.Features;

public sealed record PriorityCellInput(string? Impact, string? Urgency, string? Priority);

/// <param name="Cells">All nine cells of the matrix, in any order.</param>
/// <param name="Expected">
/// What the editor saw, impact and urgency → priority; a cell stored differently means someone else saved
/// first. Null to replace the matrix whatever it holds now.
/// </param>
public sealed record ChangePriorityMatrix(IReadOnlyList<PriorityCellInput> Cells, IReadOnlyDictionary<(string Impact, string Urgency), string>? Expected = null);

/// <summary>
/// Sets the priority of every impact × urgency cell together: all or nothing, one event per changed cell.
/// Only tickets opened from now on get the new priorities.
/// </summary>
public sealed class ChangePriorityMatrixHandler(RapportDb db, EventLog events)
{
    public const string What = "The priority matrix";

    public async Task<Result<IReadOnlyList<PriorityMatrixCell>>> HandleAsync(ChangePriorityMatrix command, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var wanted = new Dictionary<(string Impact, string Urgency), string>();
        for (var i = 0; i < command.Cells.Count; i++)
        {
            var cell = command.Cells[i];
            var impact = cell.Impact?.Trim() ?? "";
            var urgency = cell.Urgency?.Trim() ?? "";
            var priority = cell.Priority?.Trim() ?? "";
            var ok = true;
            if (!Levels.All.Contains(impact))
            {
                errors.TryAdd($"cells[{i}].impact", [$"Impact must be one of {string.Join(", ", Levels.All)}."]);
                ok = false;
            }

            if (!Levels.All.Contains(urgency))
            {
                errors.TryAdd($"cells[{i}].urgency", [$"Urgency must be one of {string.Join(", ", Levels.All)}."]);
                ok = false;
            }

            if (!Priorities.All.Contains(priority))
            {
                errors.TryAdd($"cells[{i}].priority", [$"Priority must be one of {string.Join(", ", Priorities.All)}."]);
                ok = false;
            }

            if (ok && !wanted.TryAdd((impact, urgency), priority))
            {
                errors.TryAdd($"cells[{i}]", [$"The cell {impact} impact × {urgency} urgency is given twice: give each cell once."]);
            }
        }

        var missing = (from impact in Levels.All from urgency in Levels.All where !wanted.ContainsKey((impact, urgency)) select $"{impact} impact × {urgency} urgency").ToList();
        if (errors.Count == 0 && missing.Count > 0)
        {
            errors["cells"] = [$"Give all nine cells, so that the matrix is never half-changed. Missing: {string.Join(", ", missing)}."];
        }

        if (errors.Count > 0)
        {
            return new Invalid("catalog.invalid-priority-matrix", string.Join(" ", errors.Values.SelectMany(m => m)), errors);
        }

        var stored = await db.Set<PriorityMatrixCell>().ToListAsync(ct);
        if (command.Expected is { } expected
            && stored.Any(c => expected.TryGetValue((c.Impact, c.Urgency), out var seen) && seen != c.Priority))
        {
            return new ConcurrentEdit(What);
        }

        foreach (var ((impact, urgency), priority) in wanted)
        {
            var cell = stored.SingleOrDefault(c => c.Impact == impact && c.Urgency == urgency);
            if (cell is null)
            {
                // The schema starts with all nine; a cell lost some other way is simply made again.
                cell = new PriorityMatrixCell { Impact = impact, Urgency = urgency, Priority = Priorities.Default(impact, urgency) };
                db.Add(cell);
                stored.Add(cell);
            }

            if (cell.Priority == priority && db.Entry(cell).State != EntityState.Added)
            {
                continue;
            }

            cell.Priority = priority;
            events.Append(new PriorityMatrixChanged(impact, urgency, priority), CatalogRules.MatrixCase, CatalogRules.MatrixCaseId);
        }

        var failed = await db.SaveOrConflictAsync(What, ct);
        return failed is null ? Result.Ok<IReadOnlyList<PriorityMatrixCell>>(stored) : failed;
    }
}
