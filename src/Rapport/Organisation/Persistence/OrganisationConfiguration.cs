using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Organisation.Domain;

namespace Rapport.Organisation.Persistence;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("departments");
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.Key).IsUnique();
        b.Property(d => d.Key).HasMaxLength(40);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.Description).HasMaxLength(1000);
        b.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("teams");
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.Key).IsUnique();
        b.HasIndex(t => t.DepartmentId);
        b.Property(t => t.Key).HasMaxLength(40);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BusinessUnitConfiguration : IEntityTypeConfiguration<BusinessUnit>
{
    public void Configure(EntityTypeBuilder<BusinessUnit> b)
    {
        b.ToTable("business_units");
        b.HasKey(u => u.Id);
        b.HasIndex(u => u.Key).IsUnique();
        b.Property(u => u.Key).HasMaxLength(40);
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.Description).HasMaxLength(1000);
        b.Property(u => u.Version).IsConcurrencyToken();
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.Email).IsUnique();
        b.HasIndex(p => p.AccountId).IsUnique();
        b.HasIndex(p => new { p.DisplayName, p.Id });
        b.Property(p => p.DisplayName).HasMaxLength(200);
        b.Property(p => p.Email).HasMaxLength(256);
        b.Property(p => p.JobTitle).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<BusinessUnit>().WithMany().HasForeignKey(p => p.BusinessUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("team_members");
        b.HasKey(m => new { m.TeamId, m.PersonId });
        b.HasIndex(m => m.PersonId);
        b.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
