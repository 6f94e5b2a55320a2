using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Events;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Organisation;

public abstract class DepartmentPagesTests(RapportApp app)
{
    [Fact]
    public async Task AddDepartment_WithNameOnly_StoresItWithAKeyAndRecordsTheEvent()
    {
        var admin = await app.AdminClientAsync();
        var name = $"Legal Services {OrganisationIntents.Unique()}";

        var response = await admin.SubmitFormAsync("/admin/departments", "#add-department", new()
        {
            ["Input.Name"] = name,
            ["Input.Description"] = "Contracts and advice.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/admin/departments", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await response.ParseAsync();
        Assert.Contains($"{name} is added", page.QuerySelector(".flash")?.TextContent);
        Assert.Contains(page.QuerySelectorAll("#departments a"), a => a.TextContent == name);
        var stored = await app.QueryAsync(db => db.Set<Department>().SingleAsync(d => d.Name == name));
        Assert.Equal(OrganisationKey.FromName(name), stored.Key);
        Assert.Equal("Contracts and advice.", stored.Description);
        var added = Assert.Single(await app.EventsOfAsync("organisation.department-added", stored.Id));
        Assert.Equal(name, added.Json().GetProperty("name").GetString());
        Assert.Equal(ActorKind.Agent, added.ActorKind);
    }

    [Fact]
    public async Task AddDepartment_WithANameTakenInAnotherCase_IsRefusedNextToTheNameAndStoresNothing()
    {
        var name = $"People Team {OrganisationIntents.Unique()}";
        await app.AddDepartmentAsync(name);
        var admin = await app.AdminClientAsync();
        var eventsBefore = (await app.EventsAsync("organisation.department-added")).Count;

        var response = await admin.SubmitFormAsync("/admin/departments", "#add-department", new() { ["Input.Name"] = name.ToUpperInvariant() });

        var page = await response.ParseAsync();
        Assert.Contains($"There is a department called \"{name}\" already", page.QuerySelector("#add-name-error")?.TextContent);
        Assert.NotNull(page.QuerySelector("[role=alert]"));
        Assert.Equal(name.ToUpperInvariant(), page.QuerySelector<IHtmlInputElement>("#add-name")?.Value);
        var names = await app.QueryAsync(db => db.Set<Department>().Select(d => d.Name).ToListAsync());
        Assert.Single(names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(eventsBefore, (await app.EventsAsync("organisation.department-added")).Count);
    }

    [Fact]
    public async Task AddDepartment_WithATakenKey_IsRefusedNextToTheKeyAndStoresNothing()
    {
        var key = $"fin-{OrganisationIntents.Unique()}";
        await app.AddDepartmentAsync($"Finance {key}", key);
        var admin = await app.AdminClientAsync();
        var other = $"Money Matters {OrganisationIntents.Unique()}";

        var response = await admin.SubmitFormAsync("/admin/departments", "#add-department", new() { ["Input.Name"] = other, ["Input.Key"] = key });

        var page = await response.ParseAsync();
        Assert.Contains($"The key \"{key}\" belongs to the department", page.QuerySelector("#add-key-error")?.TextContent);
        Assert.False(await app.QueryAsync(db => db.Set<Department>().AnyAsync(d => d.Name == other)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AddDepartment_WithBlankName_IsRefusedAndStoresNothing(string blank)
    {
        var admin = await app.AdminClientAsync();
        var before = await app.QueryAsync(db => db.Set<Department>().CountAsync());

        var response = await admin.SubmitFormAsync("/admin/departments", "#add-department", new() { ["Input.Name"] = blank, ["Input.Key"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Give the department a name", page.QuerySelector("#add-name-error")?.TextContent);
        Assert.Equal("true", page.QuerySelector("#add-name")?.GetAttribute("aria-invalid"));
        Assert.Equal(before, await app.QueryAsync(db => db.Set<Department>().CountAsync()));
    }

    [Fact]
    public async Task AddDepartment_WithAKeyThatIsNotASlug_SuggestsOne()
    {
        var admin = await app.AdminClientAsync();

        var response = await admin.SubmitFormAsync("/admin/departments", "#add-department", new()
        {
            ["Input.Name"] = $"Security {OrganisationIntents.Unique()}",
            ["Input.Key"] = "Sécurité & IT",
        });

        var page = await response.ParseAsync();
        Assert.Contains("\"securite-it\"", page.QuerySelector("#add-key-error")?.TextContent);
    }

    [Fact]
    public async Task AddDepartment_WithATakenNameAndABadKey_ShowsBothProblemsAtOnce()
    {
        var name = $"Travel {OrganisationIntents.Unique()}";
        await app.AddDepartmentAsync(name);
        var admin = await app.AdminClientAsync();

        var page = await (await admin.SubmitFormAsync("/admin/departments", "#add-department", new() { ["Input.Name"] = name, ["Input.Key"] = "Travel Desk" })).ParseAsync();

        Assert.Contains("already", page.QuerySelector("#add-name-error")?.TextContent);
        Assert.Contains("\"travel-desk\"", page.QuerySelector("#add-key-error")?.TextContent);
        Assert.Equal(["#add-key", "#add-name"], page.QuerySelectorAll("#add-errors a").Select(a => a.GetAttribute("href")).Order());
    }

    [Fact]
    public async Task EditDepartment_WithAStaleVersion_ShowsTheConflictKeepsTheInputAndDoesNotOverwrite()
    {
        var unique = OrganisationIntents.Unique();
        var department = await app.AddDepartmentAsync($"Facilities {unique}");
        var url = $"/admin/departments/{department.Id}";
        var admin = await app.AdminClientAsync();
        var colleague = await app.AdminClientAsync();
        var myForm = (await admin.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("#edit-department")!;

        var theirs = await colleague.SubmitFormAsync(url, "#edit-department", new() { ["Input.Name"] = $"Workplace {unique}" });
        Assert.Contains("Your changes are saved", (await theirs.ParseAsync()).QuerySelector("#done")?.TextContent);
        var response = await admin.SubmitAsync(myForm, new() { ["Input.Name"] = $"Buildings {unique}", ["Input.Description"] = "Desks and doors." });

        var page = await response.ParseAsync();
        var conflict = page.QuerySelector("#conflict");
        Assert.NotNull(conflict);
        Assert.Equal("alert", conflict.GetAttribute("role"));
        Assert.Contains($"Workplace {unique}", conflict.TextContent);
        Assert.Equal($"Buildings {unique}", page.QuerySelector<IHtmlInputElement>("#edit-name")?.Value);
        Assert.Equal("Desks and doors.", page.QuerySelector<IHtmlTextAreaElement>("#edit-description")?.Value);
        var stored = await app.QueryAsync(db => db.Set<Department>().AsNoTracking().SingleAsync(d => d.Id == department.Id));
        Assert.Equal($"Workplace {unique}", stored.Name);
        Assert.Equal("", stored.Description);
        Assert.Single(await app.EventsOfAsync("organisation.department-changed", department.Id));
    }

    [Fact]
    public async Task EditDepartment_SavedAgainAfterAConflict_ReplacesTheirVersionKnowingly()
    {
        var unique = OrganisationIntents.Unique();
        var department = await app.AddDepartmentAsync($"Finance {unique}");
        var url = $"/admin/departments/{department.Id}";
        var admin = await app.AdminClientAsync();
        var myForm = (await admin.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("#edit-department")!;
        await (await app.AdminClientAsync()).SubmitFormAsync(url, "#edit-department", new() { ["Input.Name"] = $"Accounting {unique}" });
        var conflictPage = await (await admin.SubmitAsync(myForm, new() { ["Input.Name"] = $"Money {unique}" })).ParseAsync();

        var response = await admin.SubmitAsync(conflictPage.QuerySelector<IHtmlFormElement>("#edit-department")!, []);

        Assert.Contains("Your changes are saved", (await response.ParseAsync()).QuerySelector("#done")?.TextContent);
        var stored = await app.QueryAsync(db => db.Set<Department>().AsNoTracking().SingleAsync(d => d.Id == department.Id));
        Assert.Equal($"Money {unique}", stored.Name);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task ArchiveDepartment_WithAnActiveTeam_IsRefusedUntilTheTeamIsArchived()
    {
        var unique = OrganisationIntents.Unique();
        var department = await app.AddDepartmentAsync($"Legal {unique}");
        var team = await app.AddTeamAsync(department.Id, "Contracts");
        var admin = await app.AdminClientAsync();
        var url = $"/admin/departments/{department.Id}";

        var refused = await (await admin.SubmitFormAsync(url, "#archive-department", [])).ParseAsync();
        Assert.Contains("still has 1 active team", refused.QuerySelector("#archive-error")?.TextContent);

        var teamArchived = await (await admin.SubmitFormAsync($"/admin/teams/{team.Id}", "#archive-team", [])).ParseAsync();
        Assert.True(teamArchived.QuerySelector("h1 .badge") is not null, teamArchived.QuerySelector("main")?.TextContent);
        var archived = await (await admin.SubmitFormAsync(url, "#archive-department", [])).ParseAsync();
        Assert.True(archived.QuerySelector("h1 .badge") is not null, archived.QuerySelector("main")?.TextContent);
        var restored = await (await admin.SubmitFormAsync(url, "#archive-department", [])).ParseAsync();
        Assert.Null(restored.QuerySelector("h1 .badge"));

        var changes = await app.EventsOfAsync("organisation.department-changed", department.Id);
        Assert.Equal([true, false], changes.Select(e => e.Json().GetProperty("archived").GetBoolean()));
        Assert.True(Assert.Single(await app.EventsOfAsync("organisation.team-changed", team.Id)).Json().GetProperty("archived").GetBoolean());
    }

    [Fact]
    public async Task DepartmentsList_ShowsTeamAndPeopleCounts()
    {
        var unique = OrganisationIntents.Unique();
        var department = await app.AddDepartmentAsync($"Workplace {unique}");
        var desk = await app.AddTeamAsync(department.Id, "Desk");
        var field = await app.AddTeamAsync(department.Id, "Field");
        var ana = await app.AddPersonAsync("Ana");
        await app.AddToTeamAsync(ana.Id, desk.Id);
        await app.AddToTeamAsync(ana.Id, field.Id);
        await app.AddToTeamAsync((await app.AddPersonAsync("Bo")).Id, field.Id);
        var admin = await app.AdminClientAsync();

        var page = await admin.GetPageAsync("/admin/departments");

        var cells = page.QuerySelectorAll($"tr[data-department='{department.Key}'] td.num").Select(c => c.TextContent).ToList();
        Assert.Equal(["2", "2"], cells);
    }

    [Fact]
    public async Task DepartmentPage_ForAnUnknownId_IsNotFound()
    {
        var admin = await app.AdminClientAsync();

        var response = await admin.GetAsync($"/admin/departments/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class DepartmentPagesTests_Sqlite(SqliteApp app) : DepartmentPagesTests(app), IClassFixture<SqliteApp>;

public sealed class DepartmentPagesTests_Postgres(PostgresApp app) : DepartmentPagesTests(app), IClassFixture<PostgresApp>;
