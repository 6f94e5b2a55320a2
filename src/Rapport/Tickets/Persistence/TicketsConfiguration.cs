using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Persistence;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("tickets");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedOnAdd();
        b.Property(t => t.Type).HasMaxLength(20);
        b.Property(t => t.Subject).HasMaxLength(200);
        b.Property(t => t.Description).HasMaxLength(20_000);
        b.Property(t => t.State).HasMaxLength(30);
        b.Property(t => t.Impact).HasMaxLength(10);
        b.Property(t => t.Urgency).HasMaxLength(10);
        b.Property(t => t.Priority).HasMaxLength(10);
        b.Property(t => t.PriorityReason).HasMaxLength(500);
        b.Property(t => t.RequesterName).HasMaxLength(200);
        b.Property(t => t.AssigneeName).HasMaxLength(200);
        b.Property(t => t.Channel).HasMaxLength(20);
        b.Property(t => t.ResolutionNote).HasMaxLength(5_000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.IsFinished);
        b.Property(t => t.Answers)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, string?>>(v, Json) ?? new Dictionary<string, string?>(),
                new ValueComparer<Dictionary<string, string?>>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => new Dictionary<string, string?>(v)))
            .HasColumnName("form_answers");

        // The queues: newest first within what a person may see.
        b.HasIndex(t => new { t.DepartmentId, t.State, t.Id });
        b.HasIndex(t => new { t.RequesterId, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.State, t.Id });
        b.HasIndex(t => new { t.TeamId, t.State, t.Id });
    }
}

internal sealed class TicketCommentConfiguration : IEntityTypeConfiguration<TicketComment>
{
    public void Configure(EntityTypeBuilder<TicketComment> b)
    {
        b.ToTable("ticket_comments");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.TicketId, c.CreatedAt });
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.Property(c => c.Body).HasMaxLength(20_000);
        b.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
