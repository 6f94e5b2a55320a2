using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Rapport.Catalog.Domain;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Catalog;

/// <summary>The impact × urgency matrix: changed on its page or through the API, it decides the priority of new tickets.</summary>
public abstract class PriorityMatrixTests(RapportApp app) : IAsyncLifetime
{
    private HttpClient _requester = default!;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        _requester = await app.ApiClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The priority a ticket opened now through the API gets.</summary>
    private async Task<string> NewTicketPriorityAsync(string impact, string urgency)
    {
        var services = await _requester.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var service = services.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "it-question").GetProperty("id").GetGuid();
        var response = await _requester.PostAsJsonAsync("/api/v1/tickets", new { serviceId = service, subject = "The printer is on fire", impact, urgency });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("priority").GetString()!;
    }

    private static string Other(string priority) => priority == Priorities.Critical ? Priorities.Low : Priorities.Critical;

    private async Task<string> StoredAsync(string impact, string urgency)
    {
        var matrix = await (await app.CatalogAdminApiAsync()).GetFromJsonAsync<JsonElement>("/api/v1/priority-matrix");
        return matrix.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("impact").GetString() == impact && c.GetProperty("urgency").GetString() == urgency)
            .GetProperty("priority").GetString()!;
    }

    [Fact]
    public async Task ChangingACellOnThePage_ChangesThePriorityANewTicketGets()
    {
        var admin = await app.CatalogAdminBrowserAsync();
        var wanted = Other(await StoredAsync(Levels.Medium, Levels.Low));
        var before = (await app.EventsAsync("catalog.priority-matrix-changed")).Count;

        var response = await admin.SubmitFormAsync("/admin/catalog/priorities", "#priority-matrix", new() { ["cell.medium.low"] = wanted });

        var page = await response.ParseAsync();
        Assert.Contains("The matrix is saved", page.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(wanted, page.QuerySelector<IHtmlSelectElement>("#cell-medium-low")?.Value);
        Assert.Contains($"set medium impact × low urgency to {wanted}", page.QuerySelector("#history")?.TextContent, StringComparison.Ordinal);
        var changed = (await app.EventsAsync("catalog.priority-matrix-changed")).Skip(before).ToList();
        var cell = JsonDocument.Parse(Assert.Single(changed).Payload).RootElement;
        Assert.Equal(("medium", "low", wanted), (cell.GetProperty("impact").GetString(), cell.GetProperty("urgency").GetString(), cell.GetProperty("priority").GetString()));
        Assert.Equal(wanted, await NewTicketPriorityAsync(Levels.Medium, Levels.Low));
    }

    [Fact]
    public async Task SavingTheMatrix_AfterSomeoneElseSaved_ShowsTheirCell_KeepsYourChoices_AndSavesOnlyWhenAskedAgain()
    {
        var mine = await app.CatalogAdminBrowserAsync();
        var theirs = await app.CatalogAdminBrowserAsync();
        var myForm = (await mine.GetPageAsync("/admin/catalog/priorities")).QuerySelector<IHtmlFormElement>("#priority-matrix")!;
        var theirChoice = Other(await StoredAsync(Levels.Low, Levels.High));
        var mineBefore = await StoredAsync(Levels.High, Levels.Low);
        var myChoice = Other(mineBefore);
        await theirs.SubmitFormAsync("/admin/catalog/priorities", "#priority-matrix", new() { ["cell.low.high"] = theirChoice });

        var conflict = await (await mine.SubmitAsync(myForm, new() { ["cell.high.low"] = myChoice })).ParseAsync();

        Assert.Contains($"low impact × high urgency: {theirChoice}", conflict.QuerySelector("#conflict")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(myChoice, conflict.QuerySelector<IHtmlSelectElement>("#cell-high-low")?.Value);
        Assert.Equal(mineBefore, await StoredAsync(Levels.High, Levels.Low));

        var again = await mine.SubmitAsync(conflict.QuerySelector<IHtmlFormElement>("#priority-matrix")!, []);

        Assert.Contains("The matrix is saved", (await again.ParseAsync()).QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(myChoice, await StoredAsync(Levels.High, Levels.Low));
    }

    [Fact]
    public async Task ThroughTheApi_TheWholeMatrixIsReadAndReplaced_AndNewTicketsFollowIt()
    {
        var admin = await app.CatalogAdminApiAsync();
        var matrix = await admin.GetFromJsonAsync<JsonElement>("/api/v1/priority-matrix");
        var cells = matrix.GetProperty("cells").EnumerateArray()
            .Select(c => new { impact = c.GetProperty("impact").GetString(), urgency = c.GetProperty("urgency").GetString(), priority = c.GetProperty("priority").GetString() })
            .ToList();
        Assert.Equal(9, cells.Count);
        var wanted = Other(cells.Single(c => c.impact == "low" && c.urgency == "low").priority!);
        var changed = cells.Select(c => c.impact == "low" && c.urgency == "low" ? c with { priority = wanted } : c).ToList();

        var response = await admin.PutAsJsonAsync("/api/v1/priority-matrix", new { cells = changed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(wanted, await StoredAsync(Levels.Low, Levels.Low));
        Assert.Equal(wanted, await NewTicketPriorityAsync(Levels.Low, Levels.Low));
    }

    [Fact]
    public async Task ThroughTheApi_BadOrMissingCells_Are400NamingThem_AndChangeNothing()
    {
        var admin = await app.CatalogAdminApiAsync();
        var before = await StoredAsync(Levels.High, Levels.High);
        var events = await app.EventCountAsync();

        var wrong = await admin.PutAsJsonAsync("/api/v1/priority-matrix", new
        {
            cells = new object[]
            {
                new { impact = "high", urgency = "high", priority = Other(before) },
                new { impact = "high", urgency = "medium", priority = "urgent" },
                new { impact = "enormous", urgency = "low", priority = "low" },
            },
        });
        var partial = await admin.PutAsJsonAsync("/api/v1/priority-matrix", new { cells = new[] { new { impact = "high", urgency = "high", priority = Other(before) } } });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("cells[1].priority", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("cells[2].impact", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        Assert.Contains("Give all nine cells", (await partial.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("cells")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(Levels.High, Levels.High));
        Assert.Equal(events, await app.EventCountAsync());
    }
}

public sealed class PriorityMatrixTests_Sqlite(SqliteApp app) : PriorityMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PriorityMatrixTests_Postgres(PostgresApp app) : PriorityMatrixTests(app), IClassFixture<PostgresApp>;
