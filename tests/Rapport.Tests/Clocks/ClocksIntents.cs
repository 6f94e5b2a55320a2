using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Catalog.Contracts;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Clocks;

/// <summary>Calendars and services for promise tests, set up through the API as an administrator would.</summary>
public static class ClocksIntents
{
    public static readonly object[] OfficeWeek =
    [
        .. new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(d => new { day = d, start = "09:00", end = "17:00" }),
    ];

    /// <summary>A Berlin office-hours calendar (weekdays 9–17) with a unique name; its id.</summary>
    public static async Task<Guid> GivenOfficeCalendarAsync(this HttpClient adminApi, string zone = "Europe/Berlin")
    {
        var response = await adminApi.PostAsJsonAsync("/api/v1/calendars", new
        {
            name = $"Office {Guid.NewGuid().ToString("N")[..8]}",
            timeZone = zone,
            hours = OfficeWeek,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<ServiceDto> ServiceAsync(this RapportApp app, string key) =>
        (await app.ScopeAsync(sp => sp.GetRequiredService<ICatalog>().FindServiceByKeyAsync(key, CancellationToken.None)))!;

    private static readonly string[] Priorities = ["critical", "high", "medium", "low"];

    /// <summary>The same minutes for every priority: first response and resolution.</summary>
    public static object[] Targets(int firstResponse, int resolution) =>
        [.. Priorities.Select(p => new { priority = p, firstResponseMinutes = firstResponse, resolutionMinutes = resolution })];
}
