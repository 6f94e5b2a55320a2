using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Database;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Persistence;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("tickets");
        b.HasIndex(t => new { t.DueAt, t.Id });
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
            .HasJsonConversion()
            .HasColumnName("form_answers");

        // The queues: newest first within what a person may see.
        b.HasIndex(t => new { t.DepartmentId, t.State, t.Id });
        b.HasIndex(t => new { t.RequesterId, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.State, t.Id });
        b.HasIndex(t => new { t.TeamId, t.State, t.Id });
        b.HasIndex(t => t.MergedIntoId);
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

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> b)
    {
        b.ToTable("ticket_attachments");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.TicketId, a.CreatedAt });
        b.HasIndex(a => a.Sha256);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(150);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketWatcherConfiguration : IEntityTypeConfiguration<TicketWatcher>
{
    public void Configure(EntityTypeBuilder<TicketWatcher> b)
    {
        b.ToTable("ticket_watchers");
        b.HasKey(w => new { w.TicketId, w.PersonId });
        b.HasIndex(w => new { w.PersonId, w.TicketId });
        b.HasOne<Ticket>().WithMany().HasForeignKey(w => w.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketLinkConfiguration : IEntityTypeConfiguration<TicketLink>
{
    public void Configure(EntityTypeBuilder<TicketLink> b)
    {
        b.ToTable("ticket_links");
        b.HasKey(l => l.Id);
        b.HasIndex(l => new { l.TicketId, l.OtherTicketId, l.Kind }).IsUnique();
        b.HasIndex(l => l.OtherTicketId);
        b.Property(l => l.Kind).HasMaxLength(20);
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.OtherTicketId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketTagConfiguration : IEntityTypeConfiguration<TicketTag>
{
    public void Configure(EntityTypeBuilder<TicketTag> b)
    {
        b.ToTable("ticket_tags");
        b.HasKey(t => new { t.TicketId, t.Tag });
        b.HasIndex(t => new { t.Tag, t.TicketId });
        b.Property(t => t.Tag).HasMaxLength(40);
        b.HasOne<Ticket>().WithMany().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.ToTable("saved_views");
        b.HasKey(v => v.Id);
        b.HasIndex(v => v.OwnerId);
        b.Property(v => v.Name).HasMaxLength(80);
        b.Property(v => v.Query).HasMaxLength(1000);
        b.Property(v => v.Version).IsConcurrencyToken();
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("routing_rules");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.Position);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Assignment).HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.Conditions)
            .HasJsonConversion()
            .HasColumnName("conditions");
    }
}

internal sealed class TeamRotationConfiguration : IEntityTypeConfiguration<TeamRotation>
{
    public void Configure(EntityTypeBuilder<TeamRotation> b)
    {
        b.ToTable("team_rotations");
        b.HasKey(r => r.TeamId);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}
