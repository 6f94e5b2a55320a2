using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Catalog.Contracts;
using Rapport.Mail.Domain;
using Rapport.Mail.Features;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Mail;

/// <summary>The administrator's mailboxes page: add one, see its token once, the password kept protected.</summary>
public abstract class MailboxPageTests(RapportApp app)
{
    [Fact]
    public async Task AddMailbox_ShowsTheTokenOnce_ListsIt_AndKeepsThePasswordProtected()
    {
        await app.GivenDemoCatalogAsync();
        var admin = await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator));
        var service = await app.ScopeAsync(sp => sp.GetRequiredService<ICatalog>().FindServiceByKeyAsync("it-question", CancellationToken.None));
        var name = $"Support {Guid.NewGuid().ToString("N")[..6]}";

        var response = await admin.SubmitFormAsync("/admin/mailboxes", "#add-mailbox", new()
        {
            ["name"] = name,
            ["address"] = "support@example.org",
            ["serviceId"] = service!.Id.ToString(),
            ["imapHost"] = "imap.example.org",
            ["imapPort"] = "993",
            ["imapAccount"] = "support",
            ["imapPassword"] = "hunter2-imap",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.StartsWith(MailboxSecrets.TokenPrefix, page.QuerySelector("#inbound-token")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#mailboxes td"), td => td.TextContent.Contains(name, StringComparison.Ordinal));
        var stored = await app.QueryAsync(db => db.Set<Mailbox>().AsNoTracking().SingleAsync(b => b.Name == name));
        Assert.DoesNotContain("hunter2-imap", stored.ProtectedPassword, StringComparison.Ordinal);
        Assert.Equal("hunter2-imap", app.Services.GetRequiredService<MailboxSecrets>().Unprotect(stored.ProtectedPassword!));

        var again = await admin.GetPageAsync("/admin/mailboxes");
        Assert.Null(again.QuerySelector("#mailbox-token"));
    }

    [Fact]
    public async Task AddMailbox_WithoutAddress_SaysWhatToFix()
    {
        var admin = await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator));

        var page = await (await admin.SubmitFormAsync("/admin/mailboxes", "#add-mailbox", new() { ["name"] = "No address", ["address"] = "" })).ParseAsync();

        Assert.Contains("address people write to", page.QuerySelector("#add-errors")?.TextContent, StringComparison.Ordinal);
    }
}

public sealed class MailboxPageTests_Sqlite(SqliteApp app) : MailboxPageTests(app), IClassFixture<SqliteApp>;

public sealed class MailboxPageTests_Postgres(PostgresApp app) : MailboxPageTests(app), IClassFixture<PostgresApp>;
