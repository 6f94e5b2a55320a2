using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rapport.Platform.Database;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRapportDb>
{
    public SqliteRapportDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteRapportDb>()
        .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable("__migrations"))
        .UseSnakeCaseNamingConvention()
        .Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRapportDb>
{
    public PostgresRapportDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresRapportDb>()
        .UseNpgsql("Host=127.0.0.1;Database=rapport_design", o => o.MigrationsHistoryTable("__migrations"))
        .UseSnakeCaseNamingConvention()
        .Options);
}
