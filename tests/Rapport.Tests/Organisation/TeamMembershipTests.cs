using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Organisation;

public abstract class TeamMembershipTests(RapportApp app)
{
    [Fact]
    public async Task JoinAndLeaveTeam_FromThePersonPage_RecordsPersonJoinedTeamAndPersonLeftTeam()
    {
        var token = OrganisationIntents.Unique();
        var department = await app.AddDepartmentAsync($"HR {token}");
        var team = await app.AddTeamAsync(department.Id, "Payroll");
        var person = await app.AddPersonAsync($"Chloe {token}");
        var admin = await app.AdminClientAsync();
        var url = $"/admin/people/{person.Id}";

        var joined = await (await admin.SubmitFormAsync(url, "#join-team", new() { ["Join.TeamId"] = team.Id.ToString(), ["Join.IsLead"] = "true" })).ParseAsync();

        Assert.Contains("Leads the team", joined.QuerySelector($"#memberships li[data-team='{team.Id}']")?.TextContent);
        var member = await app.QueryAsync(db => db.Set<TeamMember>().SingleAsync(m => m.PersonId == person.Id));
        Assert.True(member.IsLead);
        var joinedEvent = Assert.Single(await app.EventsOfAsync("organisation.person-joined-team", person.Id)).Json();
        Assert.Equal(team.Id, joinedEvent.GetProperty("teamId").GetGuid());
        Assert.True(joinedEvent.GetProperty("isLead").GetBoolean());

        var left = await (await admin.SubmitFormAsync(url, "#memberships", new() { ["Change.Remove"] = team.Id.ToString() })).ParseAsync();

        Assert.NotNull(left.QuerySelector("#no-teams"));
        Assert.False(await app.QueryAsync(db => db.Set<TeamMember>().AnyAsync(m => m.PersonId == person.Id)));
        var leftEvent = Assert.Single(await app.EventsOfAsync("organisation.person-left-team", person.Id)).Json();
        Assert.Equal(team.Id, leftEvent.GetProperty("teamId").GetGuid());
    }

    [Fact]
    public async Task AddMember_FoundOnTheTeamPage_JoinsAndCanBeMadeLead()
    {
        var token = OrganisationIntents.Unique();
        var department = await app.AddDepartmentAsync($"IT {token}");
        var team = await app.AddTeamAsync(department.Id, "Service Desk");
        var person = await app.AddPersonAsync($"Tom {token}");
        var admin = await app.AdminClientAsync();
        var url = $"/admin/teams/{team.Id}";

        var search = await admin.GetPageAsync($"{url}?find={token}");
        var form = search.QuerySelector<IHtmlFormElement>("#add-member")!;
        Assert.NotNull(form.QuerySelector($"li[data-person='{person.Id}']"));
        await admin.SubmitAsync(form, new() { ["Join.Member"] = person.Id.ToString() });
        var page = await (await admin.SubmitFormAsync(url, "#team-members", new() { ["Change.Lead"] = person.Id.ToString() })).ParseAsync();

        Assert.Contains("Leads the team", page.QuerySelector($"#members-table tr[data-person='{person.Id}']")?.TextContent);
        Assert.False(Assert.Single(await app.EventsOfAsync("organisation.person-joined-team", person.Id)).Json().GetProperty("isLead").GetBoolean());
        Assert.True(Assert.Single(await app.EventsOfAsync("organisation.team-lead-changed", person.Id)).Json().GetProperty("isLead").GetBoolean());
        var afterSearch = await admin.GetPageAsync($"{url}?find={token}");
        Assert.NotNull(afterSearch.QuerySelector("#no-choices"));
    }

    [Fact]
    public async Task AddMember_ToAnArchivedTeam_IsRefused()
    {
        var token = OrganisationIntents.Unique();
        var department = await app.AddDepartmentAsync($"Facilities {token}");
        var team = await app.AddTeamAsync(department.Id, "Buildings");
        var person = await app.AddPersonAsync($"Emma {token}");
        var admin = await app.AdminClientAsync();
        var personPage = $"/admin/people/{person.Id}";
        var joinForm = (await admin.GetPageAsync(personPage)).QuerySelector<IHtmlFormElement>("#join-team")!;
        await admin.SubmitFormAsync($"/admin/teams/{team.Id}", "#archive-team", []);

        var page = await (await admin.SubmitAsync(joinForm, new() { ["Join.TeamId"] = team.Id.ToString() })).ParseAsync();

        Assert.Contains("Buildings is archived", page.QuerySelector("#team-error")?.TextContent);
        Assert.False(await app.QueryAsync(db => db.Set<TeamMember>().AnyAsync(m => m.PersonId == person.Id)));
        Assert.Empty(await app.EventsOfAsync("organisation.person-joined-team", person.Id));
    }

    [Fact]
    public async Task AddTeam_WithANameTakenInItsDepartment_IsRefusedButTheSameNameElsewhereIsFine()
    {
        var token = OrganisationIntents.Unique();
        var hr = await app.AddDepartmentAsync($"HR {token}");
        var it = await app.AddDepartmentAsync($"IT {token}");
        await app.AddTeamAsync(hr.Id, "Service Desk");
        var admin = await app.AdminClientAsync();

        var refused = await (await admin.SubmitFormAsync("/admin/teams", "#add-team", new()
        {
            ["Input.DepartmentId"] = hr.Id.ToString(),
            ["Input.Name"] = "service desk",
            ["Input.Key"] = $"hr-desk-{token}",
        })).ParseAsync();
        var accepted = await (await admin.SubmitFormAsync("/admin/teams", "#add-team", new()
        {
            ["Input.DepartmentId"] = it.Id.ToString(),
            ["Input.Name"] = "Service Desk",
            ["Input.Key"] = $"it-desk-{token}",
        })).ParseAsync();

        Assert.Contains("This department has a team called \"Service Desk\" already", refused.QuerySelector("#add-name-error")?.TextContent);
        Assert.Contains("Service Desk is added", accepted.QuerySelector(".flash")?.TextContent);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<Team>().CountAsync(t => t.DepartmentId == it.Id)));
        Assert.Equal(1, await app.QueryAsync(db => db.Set<Team>().CountAsync(t => t.DepartmentId == hr.Id)));
    }
}

public sealed class TeamMembershipTests_Sqlite(SqliteApp app) : TeamMembershipTests(app), IClassFixture<SqliteApp>;

public sealed class TeamMembershipTests_Postgres(PostgresApp app) : TeamMembershipTests(app), IClassFixture<PostgresApp>;
