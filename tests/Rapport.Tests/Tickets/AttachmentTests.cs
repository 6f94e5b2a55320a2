using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

/// <summary>Rapport with small limits, so that going over them is cheap: 1 MB a file, 2 files a message.</summary>
public abstract class SmallFilesApp : RapportApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Tickets:MaxAttachmentMegabytes"] = "1",
        ["Tickets:MaxFilesPerMessage"] = "2",
    };
}

public sealed class SmallFilesSqliteApp : SmallFilesApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class SmallFilesPostgresApp : SmallFilesApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}

/// <summary>Files on tickets: kept outside the database, limited, downloaded so that nothing in them runs.</summary>
public abstract class AttachmentTests(RapportApp app) : TicketApiScenario(app)
{
    private const int Megabyte = 1024 * 1024;

    private static readonly byte[] Script = Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script></html>");

    /// <summary>The eight bytes every PNG starts with, and a little more.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static MultipartFormDataContent Files(params (string Name, byte[] Content, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content, type) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }

        return form;
    }

    private static async Task<JsonElement> AttachAsync(HttpClient client, long ticket, MultipartFormDataContent files, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsync($"/api/v1/tickets/{ticket}/attachments", files);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client, long ticket) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{ticket}/attachments")).EnumerateArray()];

    private async Task<long> OpenTicketAsync() => (await OpenAsync(Requester)).GetProperty("id").GetInt64();

    private FileInfo[] StoredFiles() =>
        Directory.Exists(Path.Combine(App.Database.DataDirectory, "files"))
            ? [.. new DirectoryInfo(Path.Combine(App.Database.DataDirectory, "files")).GetFiles("*", SearchOption.AllDirectories)]
            : [];

    private async Task<int> EventsOfAsync(string type, long ticket) =>
        (await App.EventsAsync(type)).Count(e => e.CaseId == ticket.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task HtmlFile_DownloadsAsAnOpaqueAttachment_ThatCannotRunScript()
    {
        var ticket = await OpenTicketAsync();

        var added = await AttachAsync(Requester, ticket, Files(("../../evil\\page.html", Script, "text/html")));
        var download = added[0].GetProperty("download").GetString()!;
        var response = await Agent.GetAsync(download);

        Assert.Equal("page.html", added[0].GetProperty("fileName").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Script, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("page.html", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainImage_ShowsInline_SvgDoesNot()
    {
        var ticket = await OpenTicketAsync();
        var svg = Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");

        var added = await AttachAsync(Requester, ticket, Files(("screen.png", Png, "image/png"), ("logo.svg", svg, "image/svg+xml")));
        string Download(string name) => added.EnumerateArray().Single(a => a.GetProperty("fileName").GetString() == name).GetProperty("download").GetString()!;
        var png = await Requester.GetAsync(Download("screen.png"));
        var drawing = await Requester.GetAsync(Download("logo.svg"));

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", png.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", png.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/octet-stream", drawing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", drawing.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task FileOverTheLimit_Answers400NamingFiles_AndKeepsNothing()
    {
        var ticket = await OpenTicketAsync();
        var small = new byte[1000];
        var large = new byte[Megabyte + 1];

        var problem = await AttachAsync(Requester, ticket, Files(("notes.txt", small, "text/plain"), ("dump.bin", large, "application/octet-stream")), HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("files")[0].GetString();
        Assert.Equal("dump.bin is 1 MB; files can be at most 1 MB.", message);
        Assert.Empty(await ListAsync(Requester, ticket));
        Assert.Equal(0, await EventsOfAsync("tickets.attachment-added", ticket));
        Assert.DoesNotContain(StoredFiles(), f => f.Length > 1000 || f.DirectoryName!.EndsWith("incoming", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MoreFilesThanAllowed_Answers400_AndKeepsNothing()
    {
        var ticket = await OpenTicketAsync();

        var problem = await AttachAsync(Requester, ticket,
            Files(("a.txt", [1], "text/plain"), ("b.txt", [2], "text/plain"), ("c.txt", [3], "text/plain")), HttpStatusCode.BadRequest);

        Assert.Contains("at most 2 files", problem.GetProperty("errors").GetProperty("files")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await ListAsync(Requester, ticket));
    }

    [Fact]
    public async Task SameFileTwice_IsKeptOnce()
    {
        var first = await OpenTicketAsync();
        var second = await OpenTicketAsync();
        var report = Encoding.UTF8.GetBytes("the same report, twice " + Guid.NewGuid());

        await AttachAsync(Requester, first, Files(("report.txt", report, "text/plain")));
        await AttachAsync(Requester, second, Files(("copy of report.txt", report, "text/plain")));

        var stored = StoredFiles().Where(f => f.Length == report.Length && File.ReadAllBytes(f.FullName).SequenceEqual(report)).ToArray();
        Assert.Single(stored);
        Assert.Equal("copy of report.txt", (await ListAsync(Requester, second)).Single().GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task AnotherRequester_GetsNotFound_ForTheListAndTheFile()
    {
        var ticket = await OpenTicketAsync();
        var added = await AttachAsync(Requester, ticket, Files(("payslip.pdf", [1, 2, 3], "application/pdf")));

        var list = await OtherRequester.GetAsync($"/api/v1/tickets/{ticket}/attachments");
        var file = await OtherRequester.GetAsync(added[0].GetProperty("download").GetString());
        var upload = await OtherRequester.PostAsync($"/api/v1/tickets/{ticket}/attachments", Files(("x.txt", [1], "text/plain")));

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Single(await ListAsync(Requester, ticket));
    }

    [Fact]
    public async Task InternalFile_IsForAgentsOnly()
    {
        var ticket = await OpenTicketAsync();
        var form = Files(("escalation.txt", Encoding.UTF8.GetBytes("vendor case 4411"), "text/plain"));
        form.Add(new StringContent("true"), "internal");

        var added = await AttachAsync(Agent, ticket, form);
        var asRequester = await Requester.GetAsync(added[0].GetProperty("download").GetString());
        var history = await Requester.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{ticket}/events");
        var requesterTries = Files(("mine.txt", [1], "text/plain"));
        requesterTries.Add(new StringContent("true"), "internal");
        var forbidden = await Requester.PostAsync($"/api/v1/tickets/{ticket}/attachments", requesterTries);

        Assert.True(added[0].GetProperty("internal").GetBoolean());
        Assert.Single(await ListAsync(Agent, ticket));
        Assert.Empty(await ListAsync(Requester, ticket));
        Assert.Equal(HttpStatusCode.NotFound, asRequester.StatusCode);
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "tickets.attachment-added");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task ClosedTicket_TakesNoMoreFiles()
    {
        var ticket = await OpenTicketAsync();
        var resolved = await Agent.PostAsJsonAsync($"/api/v1/tickets/{ticket}/state", new { state = "resolved", note = "Replaced the toner." });
        var closed = await Agent.PostAsJsonAsync($"/api/v1/tickets/{ticket}/state", new { state = "closed" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var problem = await AttachAsync(Requester, ticket, Files(("late.txt", [1], "text/plain")), HttpStatusCode.Conflict);

        Assert.Contains("closed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ListAsync(Requester, ticket));
    }

    [Fact]
    public async Task ReplyWithAFile_InThePortal_ShowsUnderTheMessage_ForRequesterAndAgent()
    {
        var requester = await App.SignedInClientAsync(await App.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        var agent = await App.SignedInClientAsync(await App.DemoAccountAsync("tom.becker", RapportRoles.Agent));
        var ticket = await OpenTicketAsync();
        var photo = Encoding.UTF8.GetBytes("a photo of the error " + Guid.NewGuid());

        var sent = await requester.SubmitFormAsync($"/portal/requests/{ticket}", "form.reply-form", new() { ["body"] = "Here is the error." },
            files: [new FormFile("files", "error.jpg", photo, "image/jpeg")]);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("?done=replied", sent.RequestMessage!.RequestUri!.Query);
        var portal = await requester.GetPageAsync($"/portal/requests/{ticket}");
        var link = portal.QuerySelector(".entry:last-of-type .attachments a");
        Assert.Equal("error.jpg", link?.TextContent);
        var download = await requester.GetAsync(link!.GetAttribute("href"));
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        var desk = await agent.GetPageAsync($"/desk/tickets/{ticket}");
        Assert.Equal("error.jpg", desk.QuerySelector(".entry .attachments a")?.TextContent);
        var stranger = await App.SignedInClientAsync(await App.DemoAccountAsync("julia.weber", RapportRoles.Requester));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(link.GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task RequestForm_WithAPhotoField_KeepsThePhotoWithTheRequest()
    {
        var requester = await App.SignedInClientAsync(await App.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        var photo = Encoding.UTF8.GetBytes("a dripping tap " + Guid.NewGuid());

        var sent = await requester.SubmitFormAsync("/portal/new/repair", "form.request-form", new()
        {
            ["subject"] = "Tap drips in the kitchen",
            ["answers.location"] = "B2, 3rd floor kitchen",
            ["answers.urgent"] = "No",
        }, files: [new FormFile("answers.photo", "tap.jpg", photo, "image/jpeg"), new FormFile("files", "floor-plan.pdf", [37, 80, 68, 70], "application/pdf")]);

        Assert.Equal("?sent=true", sent.RequestMessage!.RequestUri!.Query);
        var page = await sent.ParseAsync();
        Assert.Equal(["floor-plan.pdf", "tap.jpg"], page.QuerySelectorAll(".entry.requester .attachments a").Select(a => a.TextContent));
        Assert.Contains("tap.jpg", page.QuerySelector(".answers")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyWithATooLargeFile_InTheDesk_ShowsWhy_AndSendsNothing()
    {
        var agent = await App.SignedInClientAsync(await App.DemoAccountAsync("tom.becker", RapportRoles.Agent));
        var ticket = await OpenTicketAsync();

        var response = await agent.SubmitFormAsync($"/desk/tickets/{ticket}", "form#reply", new() { ["kind"] = "public", ["body"] = "See the log." },
            files: [new FormFile("files", "huge.log", new byte[(2 * Megabyte) + 5], "text/plain")]);

        var page = await response.ParseAsync();
        Assert.Equal("huge.log is 2 MB; files can be at most 1 MB.", page.QuerySelector("[id='files-error']")?.TextContent);
        Assert.Equal("See the log.", page.QuerySelector("#body")?.TextContent);
        Assert.Equal(0, await EventsOfAsync("tickets.reply-added", ticket));
    }
}

public sealed class AttachmentTests_Sqlite(SmallFilesSqliteApp app) : AttachmentTests(app), IClassFixture<SmallFilesSqliteApp>;

public sealed class AttachmentTests_Postgres(SmallFilesPostgresApp app) : AttachmentTests(app), IClassFixture<SmallFilesPostgresApp>;
