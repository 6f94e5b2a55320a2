using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Accounts.Domain;
using Rapport.Platform;

namespace Rapport.Accounts.Persistence;

internal sealed class UserConfiguration : IEntityTypeConfiguration<RapportUser>
{
    public void Configure(EntityTypeBuilder<RapportUser> b)
    {
        b.ToTable("users");
        b.Property(u => u.DisplayName).HasMaxLength(200);
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<RapportRole>
{
    public void Configure(EntityTypeBuilder<RapportRole> b)
    {
        b.ToTable("roles");
        b.HasData(RapportRoles.All.Select((name, i) => new RapportRole
        {
            Id = new Guid($"00000000-0000-0000-0000-{i + 1:000000000000}"),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = name,
        }));
    }
}

internal sealed class IdentityTablesConfiguration :
    IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> b) => b.ToTable("user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> b) => b.ToTable("user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> b) => b.ToTable("user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> b) => b.ToTable("user_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> b) => b.ToTable("role_claims");
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Hint).HasMaxLength(16);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Ignore(t => t.IsActive);
        b.HasOne<RapportUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
