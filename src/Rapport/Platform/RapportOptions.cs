using System.ComponentModel.DataAnnotations;

namespace Rapport.Platform;

/// <summary>The settings of the platform itself, bound from the "Rapport" section.</summary>
public sealed class RapportOptions
{
    public const string Section = "Rapport";

    /// <summary>Where Rapport keeps its SQLite database, attachments and other files.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public EventOptions Events { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (the default) or <c>postgres</c>.</summary>
    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Rapport:Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Apply pending migrations when the server starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long a SQLite writer waits for the write lock before giving up.</summary>
    [Range(0, 600_000)]
    public int SqliteBusyTimeoutMs { get; set; } = 10_000;

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);
}

public sealed class DemoOptions
{
    /// <summary>Seed the demo organisation on first start with an empty SQLite database.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>The password of every demo account; generated when empty.</summary>
    public string? Password { get; set; }
}

public sealed class EventOptions
{
    /// <summary>Run the event dispatcher in this process (every node may; they share the work).</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>How often the dispatcher looks for events written by other nodes.</summary>
    [Range(100, 600_000)]
    public int PollIntervalMs { get; set; } = 1_000;

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
