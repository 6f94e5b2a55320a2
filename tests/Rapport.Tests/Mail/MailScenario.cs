using Microsoft.Extensions.DependencyInjection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Mail.Domain;
using Rapport.Mail.Features;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Domain;

namespace Rapport.Tests.Mail;

/// <summary>A mailbox for IT questions, and the intents mail tests need.</summary>
public abstract class MailScenario(RapportApp app) : IAsyncLifetime
{
    protected RapportApp App => app;

    protected Guid MailboxId { get; private set; }

    protected string MailboxToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        var existing = await app.QueryAsync(db => db.Set<Mailbox>().SingleOrDefaultAsync(b => b.Name == "IT support"));
        if (existing is not null)
        {
            MailboxId = existing.Id;
            MailboxToken = Tokens[existing.Id];
            return;
        }

        var saved = await app.ScopeAsync(async sp =>
        {
            var service = await sp.GetRequiredService<ICatalog>().FindServiceByKeyAsync("it-question", CancellationToken.None);
            return await sp.GetRequiredService<SaveMailboxHandler>().HandleAsync(new SaveMailbox(
                null, "IT support", "it@example.org", service!.Id, null, null, null, false, null, null, null, null, true), CancellationToken.None);
        });
        Assert.True(saved.Succeeded, saved.Error?.Detail);
        MailboxId = saved.Value.Mailbox.Id;
        MailboxToken = saved.Value.Token!;
        Tokens[MailboxId] = MailboxToken;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> Tokens = new();

    protected Task<MailIntake> ReceiveAsync(string raw) => ReceiveAsync(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")));

    protected Task<MailIntake> ReceiveAsync(byte[] raw) => app.ScopeAsync(sp =>
        sp.GetRequiredService<ReceiveMail>().ReceiveAsync(new MemoryStream(raw), MailboxId, CancellationToken.None));

    protected Task<Ticket> TicketAsync(long id) =>
        app.QueryAsync(db => db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == id));

    protected Task<List<TicketComment>> CommentsAsync(long id) =>
        app.QueryAsync(db => db.Set<TicketComment>().AsNoTracking().Where(c => c.TicketId == id).OrderBy(c => c.CreatedAt).ToListAsync());

    protected Task<List<TicketAttachment>> AttachmentsAsync(long id) =>
        app.QueryAsync(db => db.Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == id).OrderBy(a => a.FileName).ToListAsync());

    protected Task<int> TicketCountAsync() => app.QueryAsync(db => db.Set<Ticket>().CountAsync());

    protected static string NewId() => $"{Guid.NewGuid():N}@mail.example.org";

    /// <summary>A plain message from a person, with threading headers when given.</summary>
    protected static string Message(string from, string subject, string body, string? messageId = null, string? inReplyTo = null, string? extraHeaders = null) =>
        $"""
        From: {from}
        To: it@example.org
        Subject: {subject}
        Date: Mon, 02 Mar 2026 09:00:00 +0000
        Message-ID: <{messageId ?? NewId()}>
        {(inReplyTo is null ? "" : $"In-Reply-To: <{inReplyTo}>\nReferences: <{inReplyTo}>\n")}{extraHeaders ?? ""}MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        {body}

        """;
}
