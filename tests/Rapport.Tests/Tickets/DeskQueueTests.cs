using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Organisation.Contracts;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;
using Rapport.Tickets.Domain;

namespace Rapport.Tests.Tickets;

/// <summary>
/// What the desk queue tests stand on: a requester who raises IT tickets, two agents of the IT Service
/// Desk (through the API and through pages), an HR agent, and the teams and people to assign to.
/// Each test marks its tickets with a word of its own and filters on it, so tests sharing a database
/// never see each other's tickets.
/// </summary>
public abstract class DeskQueueTests(RapportApp app) : IAsyncLifetime
{
    protected RapportApp App { get; } = app;

    protected HttpClient Requester { get; private set; } = default!;

    protected HttpClient AgentApi { get; private set; } = default!;

    /// <summary>Tom Becker, agent of the IT Service Desk, signed in to the pages.</summary>
    protected HttpClient Agent { get; private set; } = default!;

    /// <summary>Aisha Bello, Tom's colleague on the Service Desk.</summary>
    protected HttpClient Colleague { get; private set; } = default!;

    protected TeamDto ServiceDesk { get; private set; } = default!;

    protected TeamDto Payroll { get; private set; } = default!;

    protected PersonDto Tom { get; private set; } = default!;

    protected PersonDto Aisha { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await App.GivenDemoCatalogAsync();
        var tom = await App.DemoAccountAsync("tom.becker", RapportRoles.Agent);
        var aisha = await App.DemoAccountAsync("aisha.bello", RapportRoles.Agent);
        Requester = await App.ApiClientAsync(await App.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        AgentApi = await App.ApiClientAsync(tom);
        Agent = await App.SignedInClientAsync(tom);
        Colleague = await App.SignedInClientAsync(aisha);
        var teams = await Directory(d => d.ListTeamsAsync(CancellationToken.None));
        ServiceDesk = teams.Single(t => t.Key == "it-service-desk");
        Payroll = teams.Single(t => t.Key == "hr-payroll");
        Tom = (await Directory(d => d.FindPersonByAccountAsync(tom.Id, CancellationToken.None)))!;
        Aisha = (await Directory(d => d.FindPersonByAccountAsync(aisha.Id, CancellationToken.None)))!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A word no other test uses, to put in subjects and search for.</summary>
    protected static string NewRun() => "r" + Guid.NewGuid().ToString("N")[..10];

    protected Task<T> Directory<T>(Func<IOrganisationDirectory, Task<T>> ask) =>
        App.ScopeAsync(sp => ask(sp.GetRequiredService<IOrganisationDirectory>()));

    /// <summary>Raises an IT ticket as the requester; priority comes from impact and urgency.</summary>
    protected async Task<long> OpenAsync(string subject, string type = "question", string impact = "low", string urgency = "low", bool broken = false)
    {
        var services = await Requester.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var key = broken ? "something-broken" : "it-question";
        var service = services.EnumerateArray().Single(s => s.GetProperty("key").GetString() == key).GetProperty("id").GetGuid();
        var response = await Requester.PostAsJsonAsync("/api/v1/tickets", new
        {
            serviceId = service, subject, description = "For the desk queue tests.", type, impact, urgency,
            fields = broken ? new Dictionary<string, string> { ["device"] = "VPN" } : null,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    protected async Task AssignAsync(long id, Guid teamId, Guid? assigneeId = null)
    {
        var response = await AgentApi.PutAsJsonAsync($"/api/v1/tickets/{id}/assignment", new { teamId, assigneeId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected async Task MoveAsync(long id, string state, string? note = null)
    {
        var response = await AgentApi.PostAsJsonAsync($"/api/v1/tickets/{id}/state", new { state, note });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected async Task ReplyAsync(long id, string body = "We are on it.")
    {
        var response = await AgentApi.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    protected Task<List<Ticket>> TicketsAsync(IReadOnlyCollection<long> ids)
    {
        var list = ids.ToList();
        return App.QueryAsync(db => db.Set<Ticket>().AsNoTracking().Where(t => list.Contains(t.Id)).ToListAsync());
    }

    protected Task<Ticket> TicketAsync(long id) =>
        App.QueryAsync(db => db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == id));

    /// <summary>The ticket numbers in the rows of a queue page, top to bottom.</summary>
    protected static List<long> Rows(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("table.queue tbody tr").Select(r => long.Parse(r.GetAttribute("data-ticket")!, System.Globalization.CultureInfo.InvariantCulture))];
}
