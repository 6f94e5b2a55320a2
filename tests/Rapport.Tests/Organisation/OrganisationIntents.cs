using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Organisation.Domain;
using Rapport.Organisation.Features;
using Rapport.Platform;
using Rapport.Platform.Events;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Organisation;

/// <summary>Setting up an organisation in a test's words: what an administrator did before the test looks.</summary>
internal static class OrganisationIntents
{
    /// <summary>A short token that keeps one test's names apart from the others' in a shared database.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    public static async Task<HttpClient> AdminClientAsync(this RapportApp app) =>
        await app.SignedInClientAsync(await app.CreateAccountAsync(RapportRoles.Administrator));

    public static Task<Department> AddDepartmentAsync(this RapportApp app, string name, string? key = null) =>
        app.RunAsync<AddDepartmentHandler, Department>(h => h.HandleAsync(new AddDepartment(name, key, null), CancellationToken.None));

    public static Task<Team> AddTeamAsync(this RapportApp app, Guid departmentId, string name) =>
        app.RunAsync<AddTeamHandler, Team>(h => h.HandleAsync(new AddTeam(departmentId, name, null, null), CancellationToken.None));

    public static Task<BusinessUnit> AddBusinessUnitAsync(this RapportApp app, string name) =>
        app.RunAsync<AddBusinessUnitHandler, BusinessUnit>(h => h.HandleAsync(new AddBusinessUnit(name, null, null), CancellationToken.None));

    public static Task<Person> AddPersonAsync(this RapportApp app, string name, string? email = null, Guid? businessUnitId = null) =>
        app.RunAsync<AddPersonHandler, Person>(h => h.HandleAsync(
            new AddPerson(name, email ?? $"{Unique()}@example.org", null, businessUnitId), CancellationToken.None));

    public static Task<TeamMember> AddToTeamAsync(this RapportApp app, Guid personId, Guid teamId, bool isLead = false) =>
        app.RunAsync<AddPersonToTeamHandler, TeamMember>(h => h.HandleAsync(new AddPersonToTeam(personId, teamId, isLead), CancellationToken.None));

    /// <summary>The events about one case (a department, a person…), oldest first.</summary>
    public static async Task<List<EventLogEntry>> EventsOfAsync(this RapportApp app, string type, Guid caseId) =>
        [.. (await app.EventsAsync(type)).Where(e => e.CaseId == caseId.ToString())];

    public static JsonElement Json(this EventLogEntry entry) => JsonDocument.Parse(entry.Payload).RootElement;

    private static async Task<T> RunAsync<THandler, T>(this RapportApp app, Func<THandler, Task<Rapport.Platform.Errors.Result<T>>> work)
        where THandler : notnull
    {
        var result = await app.ScopeAsync(sp => work(sp.GetRequiredService<THandler>()));
        Assert.True(result.Succeeded, result.Error?.Detail);
        return result.Value!;
    }
}
