using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Mail.Domain;
using Rapport.Mail.Features;
using Rapport.Platform.Database;

namespace Rapport.Mail.Jobs;

/// <summary>
/// Fetches new mail from each mailbox over IMAP, one node at a time per mailbox (a lease in the
/// mailbox's row), and moves or flags what it took. A message is taken in (kept, recorded) before it
/// is moved, so a crash in between means it is fetched again and recognised as a duplicate.
/// </summary>
public sealed class FetchMailJob(IServiceScopeFactory scopes, MailboxSecrets secrets, IOptions<MailOptions> options, TimeProvider time, ILogger<FetchMailJob> logger) : BackgroundService
{
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Fetches every mailbox this node can take now; answers how many messages were taken in.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> mailboxes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            mailboxes = await scope.ServiceProvider.GetRequiredService<RapportDb>().Set<Mailbox>().AsNoTracking()
                .Where(b => b.IsEnabled && b.ImapHost != null && b.ImapAccount != null).Select(b => b.Id).ToListAsync(ct);
        }

        var taken = 0;
        foreach (var id in mailboxes)
        {
            taken += await FetchAsync(id, ct);
        }

        return taken;
    }

    private async Task<int> FetchAsync(Guid mailboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var now = time.GetUtcNow();
        var leased = await db.Set<Mailbox>().Where(b => b.Id == mailboxId && (b.LeaseUntil == null || b.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeasedBy, _node).SetProperty(b => b.LeaseUntil, now + Lease), ct);
        if (leased == 0)
        {
            return 0;
        }

        var mailbox = await db.Set<Mailbox>().AsNoTracking().SingleAsync(b => b.Id == mailboxId, ct);
        var taken = 0;
        string? error = null;
        try
        {
            taken = await TakeNewMailAsync(mailbox, ct);
        }
        catch (Exception e) when (e is ImapCommandException or ImapProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or System.Net.Sockets.SocketException or IOException or SslHandshakeException or FolderNotFoundException
            or System.Security.Cryptography.CryptographicException)
        {
            error = $"{mailbox.ImapHost}:{mailbox.ImapPort} — {e.Message}";
            logger.LogWarning("Fetching mail for {Mailbox} failed: {Error}", mailbox.Name, error);
        }

        var done = time.GetUtcNow();
        await db.Set<Mailbox>().Where(b => b.Id == mailboxId && b.LeasedBy == _node)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeasedBy, (string?)null).SetProperty(b => b.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(b => b.LastFetchedAt, done).SetProperty(b => b.LastFetchError, error == null ? null : error.Length > 1000 ? error.Substring(0, 1000) : error), ct);
        return taken;
    }

    private async Task<int> TakeNewMailAsync(Mailbox mailbox, CancellationToken ct)
    {
        var password = mailbox.ProtectedPassword is { } protectedPassword
            ? secrets.Unprotect(protectedPassword)
            : "";
        using var imap = new ImapClient();
        await imap.ConnectAsync(mailbox.ImapHost ?? "", mailbox.ImapPort, mailbox.ImapTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
        await imap.AuthenticateAsync(mailbox.ImapAccount ?? "", password, ct);
        var folder = await imap.GetFolderAsync(mailbox.ImapFolder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        IMailFolder? processed = null;
        if (mailbox.ProcessedFolder is { } target)
        {
            try
            {
                processed = await imap.GetFolderAsync(target, ct);
            }
            catch (FolderNotFoundException)
            {
                var root = imap.GetFolder(imap.PersonalNamespaces[0]);
                processed = await root.CreateAsync(target, isMessageFolder: true, ct);
            }
        }

        var taken = 0;
        foreach (var uid in await folder.SearchAsync(SearchQuery.NotSeen, ct))
        {
            using var raw = new MemoryStream();
            var message = await folder.GetMessageAsync(uid, ct);
            await message.WriteToAsync(raw, ct);
            raw.Position = 0;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var intake = await scope.ServiceProvider.GetRequiredService<ReceiveMail>().ReceiveAsync(raw, mailbox.Id, ct);
                logger.LogInformation("Mailbox {Mailbox}: message {Uid} {Outcome}", mailbox.Name, uid, intake);
            }

            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
            if (processed is not null)
            {
                await folder.MoveToAsync(uid, processed, ct);
            }

            taken++;
        }

        await imap.DisconnectAsync(quit: true, ct);
        return taken;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MailLoop.RunAsync(options.Value, time, logger, "Fetching mail", RunOnceAsync, stoppingToken);
}
