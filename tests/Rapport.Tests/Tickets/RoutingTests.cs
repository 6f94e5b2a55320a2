using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Organisation.Contracts;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Domain;
using Rapport.Tickets.Features;

namespace Rapport.Tests.Tickets;

public sealed class RoutingRuleTests
{
    private static readonly Guid Laptop = Guid.NewGuid();
    private static readonly Guid Sales = Guid.NewGuid();

    private static RoutingFacts Ticket(string subject = "Laptop broken", string type = "incident", Guid? unit = null, Dictionary<string, string?>? answers = null) =>
        new(Laptop, type, unit ?? Sales, subject, answers ?? []);

    [Fact]
    public void EmptyConditions_MatchEverything() => Assert.True(Routing.Matches(new RoutingConditions(), Ticket()));

    [Fact]
    public void EveryGivenCondition_MustHold()
    {
        var conditions = new RoutingConditions { ServiceIds = [Laptop], Types = ["incident"], BusinessUnitIds = [Sales], SubjectWords = ["BROKEN"] };

        Assert.True(Routing.Matches(conditions, Ticket()));
        Assert.False(Routing.Matches(conditions, Ticket(type: "request")));
        Assert.False(Routing.Matches(conditions, Ticket(unit: Guid.NewGuid())));
        Assert.False(Routing.Matches(conditions, Ticket(subject: "Laptop slow")));
    }

    [Fact]
    public void AnswerCondition_MatchesOneOfSeveralChoices()
    {
        var conditions = new RoutingConditions { Answers = new() { ["software"] = "tableau" } };

        Assert.True(Routing.Matches(conditions, Ticket(answers: new() { ["software"] = "SPSS\nTableau" })));
        Assert.False(Routing.Matches(conditions, Ticket(answers: new() { ["software"] = "SPSS" })));
    }

    [Fact]
    public void FirstEnabledRuleInOrder_Wins()
    {
        var off = new RoutingRule { Name = "off", Position = 1, IsEnabled = false };
        var second = new RoutingRule { Name = "second", Position = 3 };
        var first = new RoutingRule { Name = "first", Position = 2 };

        Assert.Same(first, Routing.FirstMatch([off, second, first], Ticket()));
    }

    [Fact]
    public void RoundRobin_WrapsAround_AndStartsOverWhenTheLastOneLeft()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), gone = Guid.NewGuid();

        Assert.Equal(a, Routing.NextInTurn([a, b], null));
        Assert.Equal(b, Routing.NextInTurn([a, b], a));
        Assert.Equal(a, Routing.NextInTurn([a, b], b));
        Assert.Equal(a, Routing.NextInTurn([a, b], gone));
        Assert.Null(Routing.NextInTurn([], null));
    }

    [Fact]
    public void LeastLoaded_PicksTheFewestOpenTickets() =>
        Assert.Equal(Id(2), Routing.LeastLoaded([Id(1), Id(2), Id(3)], new Dictionary<Guid, int> { [Id(1)] = 4, [Id(3)] = 2 }));

    private static Guid Id(int i) => new($"00000000-0000-0000-0000-{i:000000000000}");
}

public abstract class RoutingTests(RapportApp app) : IAsyncLifetime
{
    private HttpClient _admin = default!;
    private HttpClient _requester = default!;
    private IReadOnlyList<TeamDto> _teams = [];

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        _admin = await app.SignedInClientAsync(await app.DemoAccountAsync("admin", RapportRoles.Administrator));
        _requester = await app.ApiClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        _teams = await app.ScopeAsync(sp => sp.GetRequiredService<IOrganisationDirectory>().ListTeamsAsync(CancellationToken.None));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> ServiceAsync(string key)
    {
        var services = await _requester.GetFromJsonAsync<JsonElement>("/api/v1/services");
        return services.EnumerateArray().Single(s => s.GetProperty("key").GetString() == key).GetProperty("id").GetGuid();
    }

    private async Task<IHtmlDocument> AddRuleAsync(string name, string team, string assignment, string service, string subjectWords = "")
    {
        var teamId = _teams.Single(t => t.Key == team).Id.ToString();
        var response = await _admin.SubmitFormAsync("/admin/routing", "#rule-form", new()
        {
            ["name"] = name, ["teamId"] = teamId, ["assignment"] = assignment, ["enabled"] = "true",
            ["serviceIds"] = (await ServiceAsync(service)).ToString(), ["subjectWords"] = subjectWords,
        });
        return (IHtmlDocument)await response.ParseAsync();
    }

    private static readonly Dictionary<string, Dictionary<string, string>> Answers = new()
    {
        ["repair"] = new() { ["location"] = "B2, 3rd floor", ["urgent"] = "No" },
        ["access-badge"] = new() { ["reason"] = "Lost" },
        ["something-broken"] = new() { ["device"] = "Laptop" },
    };

    private async Task<JsonElement> OpenAsync(string service, string subject)
    {
        var fields = Answers.GetValueOrDefault(service, []);
        var response = await _requester.PostAsJsonAsync("/api/v1/tickets", new { serviceId = await ServiceAsync(service), subject, fields });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task RemoveAllRulesAsync()
    {
        foreach (var rule in await app.ScopeAsync(sp => sp.GetRequiredService<ManageRoutingRules>().ListAsync(CancellationToken.None)))
        {
            await app.ScopeAsync(sp => sp.GetRequiredService<ManageRoutingRules>().RemoveAsync(rule.Id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task RoundRobin_SendsEachNewTicketToTheNextPersonOfTheTeam()
    {
        await RemoveAllRulesAsync();
        var page = await AddRuleAsync("Repairs to Buildings", "fac-buildings", RoutingAssignments.RoundRobin, "repair");
        Assert.Contains("Rule saved", page.QuerySelector("#routing-message")?.TextContent, StringComparison.Ordinal);
        var buildings = _teams.Single(t => t.Key == "fac-buildings").Id;

        var tickets = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            tickets.Add(await OpenAsync("repair", $"Leak {i}"));
        }

        Assert.All(tickets, t => Assert.Equal(buildings, t.GetProperty("teamId").GetGuid()));
        var assignees = tickets.Select(t => t.GetProperty("assigneeId").GetGuid()).ToList();
        Assert.Equal(2, assignees.Distinct().Count()); // Buildings has two people
        Assert.NotEqual(assignees[0], assignees[1]);
        Assert.Equal(assignees[0], assignees[2]);
        Assert.Equal(assignees[1], assignees[3]);
        Assert.Contains(await app.EventsAsync("tickets.ticket-routed"), e => e.Payload.Contains("Repairs to Buildings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeastLoaded_SendsTheTicketToWhoeverHasLeastOpenWork()
    {
        await RemoveAllRulesAsync();
        await AddRuleAsync("Badges by load", "fac-workplace", RoutingAssignments.LeastLoaded, "access-badge");

        var first = await OpenAsync("access-badge", "Lost badge");
        var second = await OpenAsync("access-badge", "Lost badge again");

        Assert.NotEqual(first.GetProperty("assigneeId").GetGuid(), second.GetProperty("assigneeId").GetGuid());
    }

    [Fact]
    public async Task NoRuleMatches_TheTicketWaitsUnassigned()
    {
        await RemoveAllRulesAsync();
        await AddRuleAsync("Only VPN", "it-infrastructure", RoutingAssignments.None, "something-broken", "vpn");

        var ticket = await OpenAsync("something-broken", "Printer jam");

        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("teamId").ValueKind);
        var vpn = await OpenAsync("something-broken", "VPN drops");
        Assert.Equal(_teams.Single(t => t.Key == "it-infrastructure").Id, vpn.GetProperty("teamId").GetGuid());
        Assert.Equal(JsonValueKind.Null, vpn.GetProperty("assigneeId").ValueKind);
    }

    [Fact]
    public async Task RuleWithoutNameOrTeam_IsRefusedWithMessagesNextToTheFields()
    {
        var response = await _admin.SubmitFormAsync("/admin/routing", "#rule-form", new() { ["name"] = "", ["teamId"] = "" });

        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector("#name-error"));
        Assert.NotNull(page.QuerySelector("#teamId-error"));
    }

    [Fact]
    public async Task RoutingPage_IsForAdministratorsOnly()
    {
        var agent = await app.SignedInClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));

        var response = await agent.GetAsync("/admin/routing");

        Assert.Equal("/denied", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task RoundRobin_TicketsOpenedAtOnce_AreAllCreated_AndShareTheWork()
    {
        await RemoveAllRulesAsync();
        await AddRuleAsync("Payslips in turn", "hr-payroll", RoutingAssignments.RoundRobin, "payslip-correction");
        var service = await ServiceAsync("payslip-correction");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            _requester.PostAsJsonAsync("/api/v1/tickets", new { serviceId = service, subject = $"Payslip {i}", fields = new { month = "March 2026" } })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var assignees = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assigneeId").GetGuid()));
        Assert.Equal(3, assignees.Count(a => a == assignees[0]));
    }
}

public sealed class RoutingTests_Sqlite(SqliteApp app) : RoutingTests(app), IClassFixture<SqliteApp>;

public sealed class RoutingTests_Postgres(PostgresApp app) : RoutingTests(app), IClassFixture<PostgresApp>;
