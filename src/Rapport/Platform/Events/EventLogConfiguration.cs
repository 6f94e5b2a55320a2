using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Platform.Events;

internal sealed class EventLogConfiguration : IEntityTypeConfiguration<EventLogEntry>
{
    public void Configure(EntityTypeBuilder<EventLogEntry> b)
    {
        b.ToTable("event_log");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedOnAdd();
        b.HasIndex(e => e.EventId).IsUnique();
        b.HasIndex(e => new { e.CaseType, e.CaseId, e.Sequence });
        b.HasIndex(e => e.OccurredAt);
        b.Property(e => e.Type).HasMaxLength(100);
        b.Property(e => e.Module).HasMaxLength(40);
        b.Property(e => e.CaseType).HasMaxLength(40);
        b.Property(e => e.CaseId).HasMaxLength(64);
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.CorrelationId).HasMaxLength(64);
        b.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class SubscriberCheckpointConfiguration : IEntityTypeConfiguration<SubscriberCheckpoint>
{
    public void Configure(EntityTypeBuilder<SubscriberCheckpoint> b)
    {
        b.ToTable("subscriber_checkpoints");
        b.HasKey(c => c.Subscriber);
        b.Property(c => c.Subscriber).HasMaxLength(100);
        b.Ignore(c => c.Position);
    }
}
