using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Domain;

namespace Rapport.Platform.Database;

/// <summary>
/// The one database context. Each module contributes its tables through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in its Persistence folder and reaches them
/// with <c>db.Set&lt;T&gt;()</c>. Sign-in tables come from ASP.NET Core Identity.
/// </summary>
public abstract class RapportDb(DbContextOptions options)
    : IdentityDbContext<RapportUser, RapportRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Keys that protect cookies and antiforgery tokens, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.ApplyConfigurationsFromAssembly(typeof(RapportDb).Assembly);
    }
}

/// <summary>The embedded default: one file in the data folder.</summary>
public sealed class SqliteRapportDb(DbContextOptions<SqliteRapportDb> options) : RapportDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset; fixed-width UTC text sorts like time does.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
    }
}

/// <summary>Production and several nodes.</summary>
public sealed class PostgresRapportDb(DbContextOptions<PostgresRapportDb> options) : RapportDb(options);
