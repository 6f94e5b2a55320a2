using System.Text.Json;
using Rapport.Mail.Domain;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Mail;

/// <summary>
/// Every real message of the corpus (Outlook, Netscape, Eudora, Pine, MimeKit's edge cases, the Ruby
/// mail gem's oddities) goes through the inbound path: none crashes it, none is lost, each ends as a
/// ticket or a reply, or is set aside with a reason.
/// </summary>
public abstract class MailCorpusTests(RapportApp app) : MailScenario(app)
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Mail", "Data");

    public static IEnumerable<string> Messages() =>
        Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".eml", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .Where(f => !f.Contains("attachment-sources", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public async Task EveryMessage_EndsAsTicketOrReply_OrIsSetAsideWithAReason()
    {
        var messages = Messages().ToList();
        Assert.True(messages.Count >= 50, $"only {messages.Count} messages found under {Corpus}");

        var outcomes = new List<string>();
        foreach (var file in messages)
        {
            var intake = await ReceiveAsync(await File.ReadAllBytesAsync(file));
            var name = Path.GetRelativePath(Corpus, file);
            outcomes.Add($"{name}: {intake}");
            Assert.True(intake.State is MailStates.Processed or MailStates.Duplicate or MailStates.Ignored or MailStates.Quarantined, $"{name} was left {intake.State}");
            if (intake.State == MailStates.Processed)
            {
                Assert.NotNull(intake.TicketId);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(intake.Reason), $"{name} is {intake.State} without a reason");
            }
        }

        var report = string.Join('\n', outcomes);

        // RFC 2822's reply chain: John writes, Mary answers, John answers her.
        var chain = outcomes.Where(o => o.StartsWith("mikel-mail/rfc2822/", StringComparison.Ordinal)).ToList();
        var opened = System.Text.RegularExpressions.Regex.Match(chain[0], @"ticket #(\d+) created").Groups[1].Value;
        Assert.EndsWith($"joined ticket #{opened}", chain[1], StringComparison.Ordinal);
        Assert.EndsWith($"joined ticket #{opened}", chain[2], StringComparison.Ordinal);
        Assert.Contains(outcomes, o => o.StartsWith("mimekit/bounce.txt: ignored", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("mimekit/disposition-notification.txt: ignored", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("mikel-mail/multipart_report_emails/report_530.eml: ignored", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"rapport-mail-corpus-{GetType().Name}.txt"), report);
    }

    [Fact]
    public async Task Hunnysoft_SubjectsAndAttachmentCounts_MatchWhatTheirMailProgramsSent()
    {
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Corpus, "hunnysoft", "EXPECTED.json")));
        foreach (var message in expected.RootElement.GetProperty("expected").EnumerateObject())
        {
            // Each message in its own copy, so that earlier tests' copies do not count as duplicates.
            var raw = await File.ReadAllTextAsync(Path.Combine(Corpus, "hunnysoft", message.Name + ".txt"), System.Text.Encoding.Latin1);
            var unique = $"X-Test-Run: {Guid.NewGuid():N}\r\n" + raw.Replace("Message-ID: <", $"Message-ID: <{Guid.NewGuid():N}.", StringComparison.OrdinalIgnoreCase);
            var intake = await ReceiveAsync(System.Text.Encoding.Latin1.GetBytes(unique));

            Assert.True(intake.State == MailStates.Processed && intake.OpenedTicket, $"{message.Name}: {intake}");
            var ticket = await TicketAsync(intake.TicketId!.Value);
            Assert.Equal(message.Value.GetProperty("Subject").GetString(), ticket.Subject);
            if (message.Value.TryGetProperty("attachments", out var count))
            {
                var attachments = await AttachmentsAsync(ticket.Id);
                Assert.True(count.GetInt32() == attachments.Count, $"{message.Name}: {count.GetInt32()} attachments expected, kept {string.Join(", ", attachments.Select(a => a.FileName))}");
            }
        }
    }
}

public sealed class MailCorpusTests_Sqlite(SqliteApp app) : MailCorpusTests(app), IClassFixture<SqliteApp>;

public sealed class MailCorpusTests_Postgres(PostgresApp app) : MailCorpusTests(app), IClassFixture<PostgresApp>;
