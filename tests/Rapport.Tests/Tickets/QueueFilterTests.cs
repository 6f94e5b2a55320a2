using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Domain;

namespace Rapport.Tests.Tickets;

/// <summary>Filters and orders of the desk queues: in the link, on the page, in the CSV and in the API, paged by keyset.</summary>
public abstract class QueueFilterTests(RapportApp app) : DeskQueueTests(app)
{
    private static readonly string[] Sorts = ["newest", "oldest", "updated", "untouched", "priority"];

    /// <summary>
    /// 30 tickets of every priority, opened two at a time (so pairs share their times), a third of them
    /// touched again later and in another order: each order differs, and ties must be broken by number.
    /// </summary>
    private async Task<List<long>> GivenThirtyTicketsAsync(string run)
    {
        string[] levels = ["low", "medium", "high"];
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await OpenAsync($"Ticket {i} {run}", i % 2 == 0 ? "question" : "incident", levels[i % 3], levels[i / 3 % 3]));
            if (i % 2 == 1)
            {
                App.Time.Advance(TimeSpan.FromMinutes(1));
            }
        }

        foreach (var (id, index) in ids.Select((id, index) => (id, index)).Where(t => t.index % 3 == 0).Reverse())
        {
            await ReplyAsync(id);
            if (index % 2 == 0)
            {
                App.Time.Advance(TimeSpan.FromMinutes(1));
            }
        }

        return ids;
    }

    private static List<long> InOrder(IEnumerable<Ticket> tickets, string sort) => sort switch
    {
        "oldest" => [.. tickets.OrderBy(t => t.Id).Select(t => t.Id)],
        "updated" => [.. tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Select(t => t.Id)],
        "untouched" => [.. tickets.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id).Select(t => t.Id)],
        "priority" => [.. tickets.OrderBy(t => TicketPriorities.All.ToList().IndexOf(t.Priority)).ThenByDescending(t => t.Id).Select(t => t.Id)],
        _ => [.. tickets.OrderByDescending(t => t.Id).Select(t => t.Id)],
    };

    private async Task<List<long>> ApiIdsAsync(string query)
    {
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await AgentApi.GetFromJsonAsync<JsonElement>($"/api/v1/tickets?{query}{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);
        return seen;
    }

    [Fact]
    public async Task EverySort_PagesThroughEveryTicketOnce_InItsOrder_InTheApiAndOnThePage()
    {
        var run = NewRun();
        var tickets = await TicketsAsync(await GivenThirtyTicketsAsync(run));

        foreach (var sort in Sorts)
        {
            var expected = InOrder(tickets, sort);

            var throughApi = await ApiIdsAsync($"queue=all&state=all&q={run}&sort={sort}&size=4");

            var onPages = new List<long>();
            var pages = 0;
            string? url = $"/desk/queues/all?state=all&q={run}&sort={sort}";
            while (url is not null)
            {
                var page = await Agent.GetPageAsync(url);
                onPages.AddRange(Rows(page));
                pages++;
                url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
            }

            Assert.True(expected.SequenceEqual(throughApi), $"API, {sort}: expected {string.Join(",", expected)} but got {string.Join(",", throughApi)}");
            Assert.True(expected.SequenceEqual(onPages), $"Page, {sort}: expected {string.Join(",", expected)} but got {string.Join(",", onPages)}");
            Assert.Equal(2, pages);
        }

        Assert.NotEqual(InOrder(tickets, "newest"), InOrder(tickets, "updated"));
        Assert.NotEqual(InOrder(tickets, "newest"), InOrder(tickets, "priority"));
    }

    [Fact]
    public async Task Filters_NarrowTheList_EachAndTogether()
    {
        var run = NewRun();
        var question = await OpenAsync($"Printer jam {run}", "question", "high", "high");
        var incident = await OpenAsync($"Screen flickers {run}", "incident", "low", "low", broken: true);
        var mine = await OpenAsync($"Mine {run}", "incident", "medium", "medium");
        var aishas = await OpenAsync($"Aisha's {run}", "request", "high", "low");
        var resolved = await OpenAsync($"Solved {run}", "question", "low", "low");
        await AssignAsync(mine, ServiceDesk.Id, Tom.Id);
        await AssignAsync(aishas, ServiceDesk.Id, Aisha.Id);
        await MoveAsync(resolved, "resolved", "Explained how.");
        var all = await TicketsAsync([question, incident, mine, aishas, resolved]);
        var service = all.Single(t => t.Id == incident).ServiceId;
        var priority = all.Single(t => t.Id == question).Priority;

        async Task<List<long>> Ids(string filter) => [.. (await ApiIdsAsync($"queue=all&q={run}&{filter}")).Order()];

        Assert.Equal([question, incident, mine, aishas], await Ids("state=active"));
        Assert.Equal([resolved], await Ids("state=resolved"));
        Assert.Equal([.. all.Where(t => t.Priority == priority).Select(t => t.Id).Order()], await Ids($"state=all&priority={priority}"));
        Assert.Equal([incident, mine], await Ids("state=all&type=incident"));
        Assert.Equal([incident], await Ids($"state=all&service={service}"));
        Assert.Equal([mine, aishas], await Ids($"state=all&team={ServiceDesk.Id}"));
        Assert.Equal([mine], await Ids("state=all&assignee=me"));
        Assert.Equal([aishas], await Ids($"state=all&assignee={Aisha.Id}"));
        Assert.Equal([question, incident, resolved], await Ids("state=all&assignee=none"));
        Assert.Equal([mine], await Ids($"state=all&type=incident&team={ServiceDesk.Id}"));
        Assert.Equal([question], await ApiIdsAsync($"queue=all&state=all&q={Uri.EscapeDataString("PRINTER JAM " + run.ToUpperInvariant())}"));
    }

    [Fact]
    public async Task Api_WithoutState_ListsEveryState_AsBefore()
    {
        var run = NewRun();
        var open = await OpenAsync($"Open {run}");
        var closed = await OpenAsync($"Closed {run}");
        await MoveAsync(closed, "closed");

        Assert.Equal([closed, open], await ApiIdsAsync($"queue=all&q={run}"));
    }

    [Fact]
    public async Task Api_UnknownFilterValues_Are400NamingEachField()
    {
        var response = await AgentApi.GetAsync("/api/v1/tickets?sort=sideways&priority=urgent&assignee=someone&team=blue");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "sort", "priority", "assignee", "team" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task QueuePage_ShowsTheLinksFilterInItsForm_AndOnlyMatchingRows()
    {
        var run = NewRun();
        var incident = await OpenAsync($"Incident {run}", "incident");
        await OpenAsync($"Question {run}", "question");

        var page = await Agent.GetPageAsync($"/desk/queues/all?state=all&type=incident&sort=oldest&q={run}");

        Assert.Equal([incident], Rows(page));
        Assert.Equal("incident", page.QuerySelector<IHtmlSelectElement>("#type")!.Value);
        Assert.Equal("oldest", page.QuerySelector<IHtmlSelectElement>("#sort")!.Value);
        Assert.Equal("all", page.QuerySelector<IHtmlSelectElement>("#state")!.Value);
        Assert.Equal(run, page.QuerySelector<IHtmlInputElement>("#q")!.Value);
    }

    [Fact]
    public async Task QueuePage_WithNonsenseInTheLink_ShowsTheQueueAnyway()
    {
        var page = await Agent.GetPageAsync("/desk/queues/team?sort=sideways&service=nope&state=asleep&cursor=garbage");

        Assert.Equal("newest", page.QuerySelector<IHtmlSelectElement>("#sort")!.Value);
        Assert.Equal("active", page.QuerySelector<IHtmlSelectElement>("#state")!.Value);
    }

    [Fact]
    public async Task Csv_FollowsTheFiltersAndTheOrder()
    {
        var run = NewRun();
        var first = await OpenAsync($"First incident {run}", "incident");
        await OpenAsync($"A question {run}", "question");
        var second = await OpenAsync($"Second incident {run}", "incident");

        var response = await Agent.GetAsync($"/desk/queues/all.csv?state=all&type=incident&sort=oldest&q={run}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([first, second], lines.Skip(1).Select(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)));
        var link = (await Agent.GetPageAsync($"/desk/queues/all?state=all&type=incident&sort=oldest&q={run}")).QuerySelector("a.csv")!.GetAttribute("href");
        Assert.Equal($"/desk/queues/all.csv?state=all&type=incident&q={run}&sort=oldest", link);
    }

    [Fact]
    public async Task HtmxRequest_GetsOnlyTheTable_AndThePagesAddressForTheAddressBar()
    {
        var run = NewRun();
        var incident = await OpenAsync($"Incident {run}", "incident");
        await OpenAsync($"Question {run}", "question");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/desk/queues/all/table?state=all&type=incident&q={run}");
        request.Headers.Add("HX-Request", "true");

        var response = await Agent.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"queue-results\"", html.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("aria-label=\"Queues\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/desk/tickets/{incident}\"", html, StringComparison.Ordinal);
        Assert.Equal($"/desk/queues/all?state=all&type=incident&q={run}", response.Headers.GetValues("HX-Push-Url").Single());
    }

    [Fact]
    public async Task TableAddress_OpenedWithoutHtmx_LeadsToTheWholePage()
    {
        var response = await Agent.GetAsync("/desk/queues/team/table?state=all&priority=high");

        Assert.Equal("/desk/queues/team", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("?state=all&priority=high", response.RequestMessage.RequestUri.Query);
        Assert.NotNull((await response.ParseAsync()).QuerySelector("h1"));
    }

    [Fact]
    public async Task FilterForm_SwapsTheTableWithHtmx_AndStillWorksAsAPlainForm()
    {
        var page = await Agent.GetPageAsync("/desk/queues/team");
        var form = page.QuerySelector<IHtmlFormElement>("form.filters")!;

        Assert.Equal("get", form.Method, ignoreCase: true);
        Assert.Equal("/desk/queues/team", form.GetAttribute("action"));
        Assert.Equal("/desk/queues/team/table", form.GetAttribute("hx-get"));
        Assert.Equal("#queue-results", form.GetAttribute("hx-target"));
        Assert.Equal("true", form.GetAttribute("hx-push-url"));
        Assert.NotNull(page.QuerySelector("#queue-results"));
    }
}

public sealed class QueueFilterTests_Sqlite(SqliteApp app) : QueueFilterTests(app), IClassFixture<SqliteApp>;

public sealed class QueueFilterTests_Postgres(PostgresApp app) : QueueFilterTests(app), IClassFixture<PostgresApp>;
