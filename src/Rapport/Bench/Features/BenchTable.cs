using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Platform.Database;

namespace Rapport.Bench.Features;

/// <summary>How a value is stored, so each database gets it the way the live code writes it.</summary>
public enum ColumnKind
{
    Uuid,
    Text,
    Instant,
    Number,
    BigNumber,
    Bool,
}

public sealed record BenchColumn(string Name, ColumnKind Kind);

/// <summary>A table the generator fills, with the columns it writes in the order rows give them.</summary>
public sealed record BenchTable(string Name, IReadOnlyList<BenchColumn> Columns)
{
    public static BenchTable Of(string name, params (string Name, ColumnKind Kind)[] columns) =>
        new(name, [.. columns.Select(c => new BenchColumn(c.Name, c.Kind))]);

    /// <summary>
    /// The generator writes rows past EF, so it checks its column list against the model first: a
    /// column added or renamed since fails here, with its name, rather than as a half-written data set.
    /// </summary>
    public void CheckAgainst(RapportDb db)
    {
        var entity = db.Model.GetEntityTypes().SingleOrDefault(e => e.GetTableName() == Name)
            ?? throw new InvalidOperationException($"The model has no table '{Name}'; the benchmark generator needs updating.");
        var table = StoreObjectIdentifier.Table(Name, entity.GetSchema());
        var modelled = entity.GetProperties().Select(p => p.GetColumnName(table)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var written = Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = written.Except(modelled).ToList();
        var missing = modelled.Except(written).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The benchmark generator's columns for '{Name}' differ from the model (not in the model: {string.Join(", ", unknown)}; not written: {string.Join(", ", missing)}).");
        }
    }
}

/// <summary>The tables the generator writes.</summary>
public static class BenchTables
{
    public static readonly BenchTable People = BenchTable.Of("people",
        ("id", ColumnKind.Uuid), ("display_name", ColumnKind.Text), ("email", ColumnKind.Text), ("job_title", ColumnKind.Text),
        ("business_unit_id", ColumnKind.Uuid), ("account_id", ColumnKind.Uuid), ("created_at", ColumnKind.Instant), ("version", ColumnKind.Number));

    public static readonly BenchTable Tickets = BenchTable.Of("tickets",
        ("id", ColumnKind.BigNumber), ("service_id", ColumnKind.Uuid), ("department_id", ColumnKind.Uuid), ("type", ColumnKind.Text),
        ("subject", ColumnKind.Text), ("description", ColumnKind.Text), ("state", ColumnKind.Text), ("impact", ColumnKind.Text),
        ("urgency", ColumnKind.Text), ("priority", ColumnKind.Text), ("priority_reason", ColumnKind.Text), ("requester_id", ColumnKind.Uuid),
        ("requester_name", ColumnKind.Text), ("team_id", ColumnKind.Uuid), ("assignee_id", ColumnKind.Uuid), ("assignee_name", ColumnKind.Text),
        ("form_answers", ColumnKind.Text), ("channel", ColumnKind.Text), ("created_at", ColumnKind.Instant), ("updated_at", ColumnKind.Instant),
        ("first_responded_at", ColumnKind.Instant), ("resolved_at", ColumnKind.Instant), ("closed_at", ColumnKind.Instant),
        ("resolution_note", ColumnKind.Text), ("version", ColumnKind.Number), ("business_unit_id", ColumnKind.Uuid),
        ("merged_into_id", ColumnKind.BigNumber), ("due_at", ColumnKind.Instant));

    public static readonly BenchTable Comments = BenchTable.Of("ticket_comments",
        ("id", ColumnKind.Uuid), ("ticket_id", ColumnKind.BigNumber), ("author_id", ColumnKind.Uuid), ("author_name", ColumnKind.Text),
        ("by_agent", ColumnKind.Bool), ("is_internal", ColumnKind.Bool), ("body", ColumnKind.Text), ("body_html", ColumnKind.Text),
        ("created_at", ColumnKind.Instant));

    public static readonly BenchTable Attachments = BenchTable.Of("ticket_attachments",
        ("id", ColumnKind.Uuid), ("ticket_id", ColumnKind.BigNumber), ("comment_id", ColumnKind.Uuid), ("file_name", ColumnKind.Text),
        ("content_type", ColumnKind.Text), ("size", ColumnKind.BigNumber), ("sha256", ColumnKind.Text), ("uploaded_by", ColumnKind.Uuid),
        ("is_internal", ColumnKind.Bool), ("created_at", ColumnKind.Instant));

    public static readonly BenchTable Events = BenchTable.Of("event_log",
        ("sequence", ColumnKind.BigNumber), ("event_id", ColumnKind.Uuid), ("type", ColumnKind.Text), ("version", ColumnKind.Number),
        ("module", ColumnKind.Text), ("case_type", ColumnKind.Text), ("case_id", ColumnKind.Text), ("occurred_at", ColumnKind.Instant),
        ("actor_id", ColumnKind.Text), ("actor_kind", ColumnKind.Text), ("correlation_id", ColumnKind.Text), ("payload", ColumnKind.Text));

    public static readonly IReadOnlyList<BenchTable> All = [People, Tickets, Comments, Attachments, Events];

    /// <summary>The big tables: their secondary indexes are dropped during the load and built once after it.</summary>
    public static readonly IReadOnlyList<string> Bulk = [Tickets.Name, Comments.Name, Attachments.Name, Events.Name];
}

/// <summary>Rows for some tables, written together in one transaction.</summary>
public sealed class BenchBatch
{
    private readonly Dictionary<BenchTable, List<object?[]>> _rows = [];

    public void Add(BenchTable table, params object?[] row)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            _rows[table] = rows = [];
        }

        rows.Add(row);
    }

    public int Tickets { get; set; }

    /// <summary>Tables in the order foreign keys need: people and tickets before what refers to them.</summary>
    public IEnumerable<(BenchTable Table, IReadOnlyList<object?[]> Rows)> InOrder() =>
        BenchTables.All.Where(_rows.ContainsKey).Select(t => (t, (IReadOnlyList<object?[]>)_rows[t]));
}
