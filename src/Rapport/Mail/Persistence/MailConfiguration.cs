using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Mail.Domain;

namespace Rapport.Mail.Persistence;

internal sealed class MailMessageConfiguration : IEntityTypeConfiguration<MailMessage>
{
    public void Configure(EntityTypeBuilder<MailMessage> b)
    {
        b.ToTable("mail_messages");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.MessageId);
        b.HasIndex(m => m.ContentSha256);
        b.HasIndex(m => m.EventId).IsUnique();
        b.HasIndex(m => new { m.State, m.NextAttemptAt });
        b.HasIndex(m => new { m.TicketId, m.CreatedAt });
        b.Property(m => m.Direction).HasMaxLength(10);
        b.Property(m => m.MessageId).HasMaxLength(998);
        b.Property(m => m.ContentSha256).HasMaxLength(64);
        b.Property(m => m.State).HasMaxLength(20);
        b.Property(m => m.Reason).HasMaxLength(1000);
        b.Property(m => m.FromAddress).HasMaxLength(320);
        b.Property(m => m.ToAddress).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(1000);
        b.Property(m => m.Notice).HasMaxLength(20);
        b.Property(m => m.InReplyTo).HasMaxLength(998);
        b.Property(m => m.References).HasMaxLength(8000);
        b.Property(m => m.LeasedBy).HasMaxLength(100);
    }
}

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> b)
    {
        b.ToTable("mail_mailboxes");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.Name).IsUnique();
        b.HasIndex(m => m.TokenHash).IsUnique();
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Address).HasMaxLength(320);
        b.Property(m => m.UnknownSenders).HasMaxLength(20);
        b.Property(m => m.TokenHash).HasMaxLength(64);
        b.Property(m => m.TokenHint).HasMaxLength(20);
        b.Property(m => m.ImapHost).HasMaxLength(255);
        b.Property(m => m.ImapAccount).HasMaxLength(320);
        b.Property(m => m.ProtectedPassword).HasMaxLength(2000);
        b.Property(m => m.ImapFolder).HasMaxLength(255);
        b.Property(m => m.ProcessedFolder).HasMaxLength(255);
        b.Property(m => m.LastFetchError).HasMaxLength(1000);
        b.Property(m => m.LeasedBy).HasMaxLength(100);
        b.Property(m => m.Version).IsConcurrencyToken();
    }
}
