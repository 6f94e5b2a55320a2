using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Rapport.Catalog.Contracts;
using Rapport.Mail.Domain;
using Rapport.Mail.Features;
using Rapport.Mail.Jobs;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Domain;
using Rapport.Tickets.Features;

namespace Rapport.Tests.Mail;

/// <summary>
/// The whole conversation against real servers: a mail into the desk's IMAP mailbox becomes a ticket,
/// the agent's reply arrives over SMTP threaded right, the requester's answer joins the ticket, and an
/// out-of-office answer creates and sends nothing.
/// </summary>
public abstract class MailRoundTripTests(MailServerApp app) : IAsyncLifetime
{
    private MailServers Servers => app.Servers;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        if (await app.QueryAsync(db => db.Set<Mailbox>().AnyAsync(b => b.Name == "Desk")))
        {
            return;
        }

        var saved = await app.ScopeAsync(async sp =>
        {
            var service = await sp.GetRequiredService<ICatalog>().FindServiceByKeyAsync("it-question", CancellationToken.None);
            return await sp.GetRequiredService<SaveMailboxHandler>().HandleAsync(new SaveMailbox(
                null, "Desk", "desk@example.org", service!.Id, null, "127.0.0.1", Servers.ImapPort, false, MailServers.DeskUser, MailServers.Password,
                "INBOX", "Rapport", true), CancellationToken.None);
        });
        Assert.True(saved.Succeeded, saved.Error?.Detail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Conversation_ByMail_ThreadsBothWays_AndOutOfOfficeIsSilent()
    {
        var subject = $"Scanner on floor 3 is offline {Guid.NewGuid().ToString("N")[..6]}";
        var first = Mail("requester@example.net", subject, "It shows error E42.");
        await AppendAsync(MailServers.DeskUser, first);

        Assert.Equal(1, await FetchAsync());
        var ticket = await app.QueryAsync(db => db.Set<Ticket>().SingleAsync(t => t.Subject == subject));
        Assert.Equal("email", ticket.Channel);
        Assert.Equal(0, await FetchAsync());

        // The agent answers on the desk; the requester gets the acknowledgement and the reply.
        var agent = await app.DemoAccountAsync("tom.becker", RapportRoles.Agent);
        var replied = await app.ScopeAsync(async sp =>
        {
            var viewer = await sp.GetRequiredService<TicketViewers>().ForAsync(await PrincipalAsync(sp, agent), CancellationToken.None);
            return await sp.GetRequiredService<WorkOnTicket>().ReplyAsync(new ReplyToTicket(ticket.Id, "Please switch it off and on; tell me if E42 stays.", false), viewer, CancellationToken.None);
        });
        Assert.True(replied.Succeeded, replied.Error?.Detail);
        await app.DrainEventsAsync();
        await app.Node.Services.GetRequiredService<SendMailJob>().RunOnceAsync(CancellationToken.None);

        var received = await InboxAsync(MailServers.RequesterUser, $"[#{ticket.Id}]");
        var reply = Assert.Single(received, m => (m.TextBody ?? "").Contains("switch it off and on", StringComparison.Ordinal));
        var acknowledgement = Assert.Single(received, m => (m.TextBody ?? "").Contains("received your request", StringComparison.Ordinal));
        Assert.Equal("auto-replied", acknowledgement.Headers[HeaderId.AutoSubmitted]);
        Assert.Null(reply.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal(first.MessageId, reply.InReplyTo);
        Assert.Contains(first.MessageId, reply.References);
        Assert.NotNull(reply.HtmlBody);
        Assert.StartsWith($"[#{ticket.Id}]", reply.Subject, StringComparison.Ordinal);

        // Sending again sends nothing more.
        Assert.Equal(0, await app.Node.Services.GetRequiredService<SendMailJob>().RunOnceAsync(CancellationToken.None));

        // The requester answers the reply from their mail program (without the token in the subject).
        var answer = Mail("requester@example.net", "Re: still E42", "Still E42 after restarting.");
        answer.InReplyTo = reply.MessageId;
        answer.References.Add(reply.MessageId!);
        await AppendAsync(MailServers.DeskUser, answer);
        Assert.Equal(1, await FetchAsync());
        var comments = await app.QueryAsync(db => db.Set<TicketComment>().Where(c => c.TicketId == ticket.Id).ToListAsync());
        Assert.Contains(comments, c => c.Body.Contains("Still E42", StringComparison.Ordinal) && !c.ByAgent);

        // An out-of-office note in answer to Rapport's mail: no ticket, no comment, nothing sent.
        var tickets = await app.QueryAsync(db => db.Set<Ticket>().CountAsync());
        var outbox = await app.QueryAsync(db => db.Set<MailMessage>().CountAsync(m => m.Direction == MailDirections.Outbound));
        var away = Mail("requester@example.net", $"Automatic reply: [#{ticket.Id}] {subject}", "I am away until Monday.");
        away.InReplyTo = reply.MessageId;
        away.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await AppendAsync(MailServers.DeskUser, away);
        Assert.Equal(1, await FetchAsync());
        await app.DrainEventsAsync();

        Assert.Equal(tickets, await app.QueryAsync(db => db.Set<Ticket>().CountAsync()));
        Assert.Equal(comments.Count + 0, await app.QueryAsync(db => db.Set<TicketComment>().CountAsync(c => c.TicketId == ticket.Id)));
        Assert.Equal(outbox, await app.QueryAsync(db => db.Set<MailMessage>().CountAsync(m => m.Direction == MailDirections.Outbound)));
    }

    [Fact]
    public async Task NodeStoppedAfterKeepingAMessage_NextNodeFinishesIt_OneTicketOneComment()
    {
        var opening = Mail("requester@example.net", $"Badge reader broken {Guid.NewGuid().ToString("N")[..6]}", "Door 2.");
        await AppendAsync(MailServers.DeskUser, opening);
        Assert.Equal(1, await FetchAsync());
        var ticketId = await app.QueryAsync(db => db.Set<Ticket>().Where(t => t.Subject == opening.Subject).Select(t => t.Id).SingleAsync());

        // A node keeps the follow-up, then stops before processing it.
        var follow = Mail("requester@example.net", "Re: badge", "Door 3 too.");
        follow.InReplyTo = opening.MessageId;
        var doomed = app.StartNode();
        using (var raw = new MemoryStream())
        {
            await follow.WriteToAsync(raw);
            raw.Position = 0;
            await using var scope = doomed.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReceiveMail>().RecordAsync(raw, null, CancellationToken.None);
        }

        await doomed.DisposeAsync();

        // A fresh node on the same database finishes it; the same message delivered again adds nothing.
        var fresh = app.StartNode();
        await fresh.Services.GetRequiredService<FinishReceivedMailJob>().RunOnceAsync(CancellationToken.None);
        await AppendAsync(MailServers.DeskUser, follow);
        await fresh.Services.GetRequiredService<FetchMailJob>().RunOnceAsync(CancellationToken.None);
        await fresh.Services.GetRequiredService<FinishReceivedMailJob>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, await app.QueryAsync(db => db.Set<Ticket>().CountAsync(t => t.Subject == opening.Subject)));
        Assert.Equal(1, await app.QueryAsync(db => db.Set<TicketComment>().CountAsync(c => c.TicketId == ticketId && c.Body.Contains("Door 3"))));
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(IServiceProvider sp, TestAccount account)
    {
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Rapport.Accounts.Domain.RapportUser>>();
        var factory = sp.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Rapport.Accounts.Domain.RapportUser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(account.Id.ToString()))!);
    }

    private Task<int> FetchAsync() => app.Node.Services.GetRequiredService<FetchMailJob>().RunOnceAsync(CancellationToken.None);

    private static MimeMessage Mail(string from, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("desk@example.org"));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.net");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private async Task<ImapClient> ConnectAsync(string user)
    {
        var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", Servers.ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(user, MailServers.Password);
        return imap;
    }

    private async Task AppendAsync(string user, MimeMessage message)
    {
        using var imap = await ConnectAsync(user);
        await imap.Inbox.AppendAsync(message);
        await imap.DisconnectAsync(true);
    }

    private async Task<List<MimeMessage>> InboxAsync(string user, string subjectContains)
    {
        using var imap = await ConnectAsync(user);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var found = new List<MimeMessage>();
        foreach (var uid in await imap.Inbox.SearchAsync(SearchQuery.SubjectContains(subjectContains)))
        {
            found.Add(await imap.Inbox.GetMessageAsync(uid));
        }

        await imap.DisconnectAsync(true);
        return found;
    }
}

public sealed class MailRoundTripTests_Sqlite(SqliteMailApp app) : MailRoundTripTests(app), IClassFixture<SqliteMailApp>;

public sealed class MailRoundTripTests_Postgres(PostgresMailApp app) : MailRoundTripTests(app), IClassFixture<PostgresMailApp>;
