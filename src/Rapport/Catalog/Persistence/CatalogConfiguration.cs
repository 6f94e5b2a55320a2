using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Catalog.Domain;
using Rapport.Platform.Database;

namespace Rapport.Catalog.Persistence;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.ToTable("services");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.Key).IsUnique();
        b.HasIndex(s => s.DepartmentId);
        b.Property(s => s.Key).HasMaxLength(60);
        b.Property(s => s.Name).HasMaxLength(120);
        b.Property(s => s.Description).HasMaxLength(2000);
        b.Property(s => s.Category).HasMaxLength(80);
        b.Property(s => s.DefaultType).HasMaxLength(20);
        b.Property(s => s.Version).IsConcurrencyToken();

        // The form travels with its service as one JSON document.
        b.Property(s => s.Fields)
            .HasJsonConversion()
            .HasColumnName("form_fields");
    }
}

internal sealed class PriorityMatrixConfiguration : IEntityTypeConfiguration<PriorityMatrixCell>
{
    public void Configure(EntityTypeBuilder<PriorityMatrixCell> b)
    {
        b.ToTable("priority_matrix");
        b.HasKey(c => new { c.Impact, c.Urgency });
        b.Property(c => c.Impact).HasMaxLength(10);
        b.Property(c => c.Urgency).HasMaxLength(10);
        b.Property(c => c.Priority).HasMaxLength(10);

        // Two administrators saving the matrix at once: the second finds the cell changed under it and is told so.
        b.Property(c => c.Priority).IsConcurrencyToken();
        b.HasData(
            from impact in Levels.All
            from urgency in Levels.All
            select new PriorityMatrixCell { Impact = impact, Urgency = urgency, Priority = Priorities.Default(impact, urgency) });
    }
}
