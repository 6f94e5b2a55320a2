using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

/// <summary>The demo catalog and four people with API tokens: an IT agent, an HR agent and two requesters.</summary>
public abstract class TicketApiScenario(RapportApp app) : IAsyncLifetime
{
    protected RapportApp App => app;

    protected HttpClient Agent { get; private set; } = default!;

    protected HttpClient Requester { get; private set; } = default!;

    protected HttpClient OtherRequester { get; private set; } = default!;

    protected HttpClient HrAgent { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await app.GivenDemoCatalogAsync();
        Agent = await app.ApiClientAsync(await app.DemoAccountAsync("tom.becker", RapportRoles.Agent));
        Requester = await app.ApiClientAsync(await app.DemoAccountAsync("ben.carter", RapportRoles.Requester));
        OtherRequester = await app.ApiClientAsync(await app.DemoAccountAsync("julia.weber", RapportRoles.Requester));
        HrAgent = await app.ApiClientAsync(await app.DemoAccountAsync("grace.kim", RapportRoles.Agent));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<JsonElement> ServiceAsync(string key)
    {
        var services = await Requester.GetFromJsonAsync<JsonElement>("/api/v1/services");
        return services.EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
    }

    protected async Task<JsonElement> OpenAsync(HttpClient client, string subject = "Printer prints blank pages", string service = "it-question")
    {
        var id = (await ServiceAsync(service)).GetProperty("id").GetGuid();
        var response = await client.PostAsJsonAsync("/api/v1/tickets", new { serviceId = id, subject, description = "Since this morning.", type = "incident" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
