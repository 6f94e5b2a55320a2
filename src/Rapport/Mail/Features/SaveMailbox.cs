using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Mail.Contracts;
using Rapport.Mail.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Mail.Features;

/// <summary>A mailbox as an administrator fills it in. An empty password keeps the one saved before.</summary>
public sealed record SaveMailbox(
    Guid? Id, string? Name, string? Address, Guid? ServiceId, string? UnknownSenders,
    string? ImapHost, int? ImapPort, bool ImapTls, string? ImapAccount, string? ImapPassword,
    string? ImapFolder, string? ProcessedFolder, bool IsEnabled, int? ExpectedVersion = null);

/// <summary>A saved mailbox and, when it was just made or renewed, its inbound token (shown once).</summary>
public sealed record SavedMailbox(Mailbox Mailbox, string? Token);

public sealed class SaveMailboxHandler(RapportDb db, EventLog events, ICatalog catalog, MailboxSecrets secrets, TimeProvider time)
{
    public async Task<Result<SavedMailbox>> HandleAsync(SaveMailbox command, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        var name = command.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            Fail("name", "Give the mailbox a short name, e.g. \"IT support\".");
        }

        var address = command.Address?.Trim().ToLowerInvariant() ?? "";
        if (!MailAddress.TryCreate(address, out _))
        {
            Fail("address", "Enter the address people write to, e.g. support@example.org.");
        }

        var service = command.ServiceId is { } serviceId ? await catalog.FindServiceAsync(serviceId, ct) : null;
        if (service is null)
        {
            Fail("serviceId", "Choose the service new mail becomes a request for.");
        }

        var policy = string.IsNullOrWhiteSpace(command.UnknownSenders) ? UnknownSenderPolicies.Create : command.UnknownSenders.Trim();
        if (!UnknownSenderPolicies.All.Contains(policy))
        {
            Fail("unknownSenders", "Choose whether mail from unknown people opens requests (create) or is refused (reject).");
        }

        var host = command.ImapHost?.Trim() ?? "";
        var port = command.ImapPort ?? (command.ImapTls ? 993 : 143);
        if (host.Length > 0 && (port is < 1 or > 65535))
        {
            Fail("imapPort", "The IMAP port is a number from 1 to 65535, usually 993.");
        }

        if (host.Length > 0 && string.IsNullOrWhiteSpace(command.ImapAccount))
        {
            Fail("imapAccount", "Enter the account Rapport signs in to the IMAP server with.");
        }

        var clash = await db.Set<Mailbox>().AnyAsync(b => b.Name == name && b.Id != (command.Id ?? Guid.Empty), ct);
        if (clash)
        {
            Fail("name", $"Another mailbox is called {name}.");
        }

        if (errors.Count > 0)
        {
            return new Invalid("mail.invalid", "The mailbox has fields to correct.", errors);
        }

        var now = time.GetUtcNow();
        Mailbox mailbox;
        string? token = null;
        if (command.Id is { } id)
        {
            var found = await db.Set<Mailbox>().SingleOrDefaultAsync(b => b.Id == id, ct);
            if (found is null)
            {
                return new NotFoundError("mail.no-mailbox", "That mailbox does not exist any more.");
            }

            if (command.ExpectedVersion is { } expected && expected != found.Version)
            {
                return new ConcurrentEdit($"Mailbox {found.Name}");
            }

            mailbox = found;
            mailbox.Version++;
        }
        else
        {
            token = MailboxSecrets.NewToken();
            mailbox = new Mailbox
            {
                Id = Guid.CreateVersion7(now),
                Name = name,
                Address = address,
                TokenHash = MailboxSecrets.HashOf(token),
                TokenHint = token[..10],
                CreatedAt = now,
                Version = 1,
            };
            db.Add(mailbox);
        }

        mailbox.Name = name;
        mailbox.Address = address;
        mailbox.ServiceId = service!.Id;
        mailbox.UnknownSenders = policy;
        mailbox.ImapHost = host.Length == 0 ? null : host;
        mailbox.ImapPort = port;
        mailbox.ImapTls = command.ImapTls;
        mailbox.ImapAccount = string.IsNullOrWhiteSpace(command.ImapAccount) ? null : command.ImapAccount.Trim();
        if (!string.IsNullOrEmpty(command.ImapPassword))
        {
            mailbox.ProtectedPassword = secrets.Protect(command.ImapPassword);
        }

        mailbox.ImapFolder = string.IsNullOrWhiteSpace(command.ImapFolder) ? "INBOX" : command.ImapFolder.Trim();
        mailbox.ProcessedFolder = string.IsNullOrWhiteSpace(command.ProcessedFolder) ? null : command.ProcessedFolder.Trim();
        mailbox.IsEnabled = command.IsEnabled;
        events.Append(new MailboxSaved(mailbox.Id, mailbox.Name, mailbox.Address, mailbox.ServiceId, mailbox.FetchesOverImap), "mailbox", mailbox.Id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConcurrentEdit($"Mailbox {name}");
        }

        return new SavedMailbox(mailbox, token);
    }
}
