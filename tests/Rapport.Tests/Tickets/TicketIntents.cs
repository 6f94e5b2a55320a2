using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Platform.Events;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

/// <summary>Working with tickets through the API, in a test's words.</summary>
internal static class TicketIntents
{
    public static async Task<long> OpenTicketAsync(this HttpClient client, string subject, string service = "it-question")
    {
        var services = await client.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var serviceId = services.EnumerateArray().Single(s => s.GetProperty("key").GetString() == service).GetProperty("id").GetGuid();
        var response = await client.PostAsJsonAsync("/api/v1/tickets", new { serviceId, subject, description = "It happened this morning.", type = "incident" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static Task<JsonElement> TicketAsync(this HttpClient client, long id) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}");

    public static async Task<HttpResponseMessage> CommentAsync(this HttpClient client, long id, string body, bool isInternal = false)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body, @internal = isInternal });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }

    public static async Task<IReadOnlyList<long>> ListedAsync(this HttpClient client, string query = "")
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets?size=100{query}");
        return [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64())];
    }

    /// <summary>The field names a 400 answer has errors for.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return [.. (await ProblemAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    public static async Task<string> DetailAsync(this HttpResponseMessage response) =>
        (await ProblemAsync(response)).GetProperty("detail").GetString() ?? "";

    /// <summary>The problem details of an answer; may be read more than once.</summary>
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>The events of one ticket, oldest first.</summary>
    public static async Task<List<EventLogEntry>> TicketEventsAsync(this RapportApp app, long id, string? type = null) =>
        [.. (await app.EventsAsync(type)).Where(e => e.CaseType == "ticket" && e.CaseId == id.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The lines of the history on the desk's ticket page.</summary>
    public static async Task<IReadOnlyList<string>> DeskHistoryAsync(this HttpClient agent, long id)
    {
        var page = await agent.GetPageAsync($"/desk/tickets/{id}");
        return [.. page.QuerySelectorAll(".history li").Select(li => li.TextContent)];
    }
}
