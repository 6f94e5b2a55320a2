using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Clocks.Domain;
using Rapport.Platform.Database;

namespace Rapport.Clocks.Persistence;

internal sealed class BusinessCalendarConfiguration : IEntityTypeConfiguration<BusinessCalendar>
{
    public void Configure(EntityTypeBuilder<BusinessCalendar> b)
    {
        b.ToTable("business_calendars");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.Property(c => c.Hours).HasJsonConversion();
        b.Property(c => c.Holidays).HasJsonConversion();
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class ServicePromiseConfiguration : IEntityTypeConfiguration<ServicePromise>
{
    public void Configure(EntityTypeBuilder<ServicePromise> b)
    {
        b.ToTable("service_promises");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.ServiceId).IsUnique();
        b.Property(p => p.Text).HasMaxLength(2000);
        b.Property(p => p.OnReopen).HasMaxLength(20);
        b.Property(p => p.Targets).HasJsonConversion();
        b.Property(p => p.Escalations).HasJsonConversion();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<BusinessCalendar>().WithMany().HasForeignKey(p => p.CalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketClockConfiguration : IEntityTypeConfiguration<TicketClock>
{
    public void Configure(EntityTypeBuilder<TicketClock> b)
    {
        b.ToTable("ticket_clocks");
        b.HasKey(c => new { c.TicketId, c.Kind });
        b.Property(c => c.Kind).HasMaxLength(20);
        b.HasIndex(c => c.DueAt);
        b.HasIndex(c => c.WarnAt);
        b.HasIndex(c => c.ServiceId);
    }
}

internal sealed class ClockAlertConfiguration : IEntityTypeConfiguration<ClockAlert>
{
    public void Configure(EntityTypeBuilder<ClockAlert> b)
    {
        b.ToTable("clock_alerts");
        b.HasKey(a => new { a.TicketId, a.Kind, a.Alert });
        b.Property(a => a.Kind).HasMaxLength(20);
        b.Property(a => a.Alert).HasMaxLength(20);
    }
}
