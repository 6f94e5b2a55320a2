using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Mail.Domain;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Mail;

/// <summary>Mail coming in: a ticket or a reply, once, on the right ticket; noise set aside.</summary>
public abstract class MailIntakeTests(RapportApp app) : MailScenario(app)
{
    [Fact]
    public async Task NewMail_FromUnknownSender_OpensTicket_ForANewRequester()
    {
        var intake = await ReceiveAsync(Message("\"Nora Fields\" <nora.fields@example.net>", "Wi-Fi drops every hour", "It happens in room 4.12."));

        Assert.Equal(MailStates.Processed, intake.State);
        Assert.True(intake.OpenedTicket);
        var ticket = await TicketAsync(intake.TicketId!.Value);
        Assert.Equal("Wi-Fi drops every hour", ticket.Subject);
        Assert.Equal("email", ticket.Channel);
        Assert.Contains("room 4.12", ticket.Description, StringComparison.Ordinal);
        Assert.Equal("Nora Fields", ticket.RequesterName);
        Assert.Equal($"ticket #{ticket.Id} created", intake.ToString());
    }

    [Fact]
    public async Task SameMessageTwice_OneTicket()
    {
        var raw = Message("kim@example.net", "Printer jams", "Tray 2.");
        var before = await TicketCountAsync();

        var first = await ReceiveAsync(raw);
        var second = await ReceiveAsync(raw);

        Assert.Equal(MailStates.Processed, first.State);
        Assert.Equal(MailStates.Duplicate, second.State);
        Assert.Equal("duplicate", second.ToString());
        Assert.Equal(before + 1, await TicketCountAsync());
    }

    [Fact]
    public async Task MessageWithoutMessageId_SentTwice_IsRecognisedByItsContent()
    {
        var raw = "From: lee@example.net\r\nTo: it@example.org\r\nSubject: No id here\r\n\r\nHello.\r\n";
        var before = await TicketCountAsync();

        await ReceiveAsync(raw);
        var second = await ReceiveAsync(raw);

        Assert.Equal(MailStates.Duplicate, second.State);
        Assert.Equal(before + 1, await TicketCountAsync());
    }

    [Fact]
    public async Task Reply_WithInReplyTo_JoinsTheTicket_EvenWithAnotherSubject()
    {
        var firstId = NewId();
        var opened = await ReceiveAsync(Message("sam@example.net", "VPN refuses my password", "Since Monday.", firstId));

        var reply = await ReceiveAsync(Message("sam@example.net", "still broken", "Tried again, same.", inReplyTo: firstId));

        Assert.Equal(MailStates.Processed, reply.State);
        Assert.False(reply.OpenedTicket);
        Assert.Equal(opened.TicketId, reply.TicketId);
        Assert.Contains(await CommentsAsync(opened.TicketId!.Value), c => c.Body.Contains("Tried again", StringComparison.Ordinal) && !c.ByAgent);
    }

    [Fact]
    public async Task Reply_WithTicketTokenInSubject_JoinsTheTicket()
    {
        var opened = await ReceiveAsync(Message("ada@example.net", "Monitor flickers", "Left one."));

        var reply = await ReceiveAsync(Message("ada@example.net", $"Re: [#{opened.TicketId}] Monitor flickers", "Photo later."));

        Assert.Equal(opened.TicketId, reply.TicketId);
        Assert.Equal($"joined ticket #{opened.TicketId}", reply.ToString());
    }

    [Fact]
    public async Task OutOfOffice_OpensNothing()
    {
        var before = await TicketCountAsync();

        var intake = await ReceiveAsync(Message("away@example.net", "Out of office", "Back on Monday.", extraHeaders: "Auto-Submitted: auto-replied\n"));

        Assert.Equal(MailStates.Ignored, intake.State);
        Assert.Contains("automatic reply", intake.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task Unreadable_IsQuarantined_WithTheReason()
    {
        var intake = await ReceiveAsync("this is not an e-mail at all"u8.ToArray());

        Assert.Equal(MailStates.Quarantined, intake.State);
        Assert.False(string.IsNullOrWhiteSpace(intake.Reason));
        Assert.StartsWith("quarantined: ", intake.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceivedButNotProcessed_IsFinishedByTheNextPass_Once()
    {
        // As if the node stopped right after keeping the message.
        var raw = Message("ivy@example.net", "Keyboard missing keys", "The E key.");
        var recorded = await App.ScopeAsync(sp => sp.GetRequiredService<Rapport.Mail.Features.ReceiveMail>()
            .RecordAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)), MailboxId, CancellationToken.None));
        var before = await TicketCountAsync();

        var other = App.StartNode();
        var finished = await other.Services.GetRequiredService<Rapport.Mail.Jobs.FinishReceivedMailJob>().RunOnceAsync(CancellationToken.None);
        await other.Services.GetRequiredService<Rapport.Mail.Jobs.FinishReceivedMailJob>().RunOnceAsync(CancellationToken.None);

        Assert.True(finished >= 1);
        Assert.Equal(before + 1, await TicketCountAsync());
        var state = await App.QueryAsync(db => db.Set<MailMessage>().Where(m => m.Id == recorded.Id).Select(m => m.State).SingleAsync());
        Assert.Equal(MailStates.Processed, state);
    }

    [Fact]
    public async Task IngestCommand_PrintsOneLinePerFile()
    {
        var folder = Directory.CreateTempSubdirectory("rapport-ingest-");
        var ticket = Path.Combine(folder.FullName, "ticket.eml");
        var away = Path.Combine(folder.FullName, "away.eml");
        await File.WriteAllTextAsync(ticket, Message("cli@example.net", "Projector has no signal", "Room 2."));
        await File.WriteAllTextAsync(away, Message("cli@example.net", "Out of office", "Away.", extraHeaders: "Auto-Submitted: auto-replied\n"));
        var output = new StringWriter();
        var command = App.Services.GetServices<Rapport.Platform.Cli.ICliCommand>().Single(c => c.Name == "mail ingest");

        var exit = await command.RunAsync(new Rapport.Platform.Cli.CliArguments([ticket, away, ticket, "--mailbox", "IT support"]), App.Services, output, CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"ticket\.eml: ticket #\d+ created$", lines[0]);
        Assert.EndsWith("away.eml: ignored: automatic reply (Auto-Submitted: auto-replied)", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("ticket.eml: duplicate", lines[2], StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task InboundEndpoint_TakesRawMessage_WithTheMailboxToken()
    {
        var client = App.AnonymousClient();
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Message("bo@example.net", "Docking station dead", "No power light.")));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");

        var refused = await client.PostAsync("/api/v1/inbound/mime", content);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inbound/mime") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MailboxToken);
        var taken = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var body = await taken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("processed", body.GetProperty("state").GetString());
        Assert.Equal("Docking station dead", (await TicketAsync(body.GetProperty("ticketId").GetInt64())).Subject);
    }
}

public sealed class MailIntakeTests_Sqlite(SqliteApp app) : MailIntakeTests(app), IClassFixture<SqliteApp>;

public sealed class MailIntakeTests_Postgres(PostgresApp app) : MailIntakeTests(app), IClassFixture<PostgresApp>;
