using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Organisation;

public abstract class PeoplePagesTests(RapportApp app)
{
    [Fact]
    public async Task PeopleList_PagedForwardThenBack_ShowsEveryPersonExactlyOnceInNameOrder()
    {
        var token = OrganisationIntents.Unique();
        var added = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            // Every third person shares a name with another: the paging key must break ties, not lose people.
            var name = i % 3 == 0 ? $"Pager {token} Same" : $"Pager {token} {i:00}";
            added.Add((await app.AddPersonAsync(name, $"pager-{token}-{i}@example.org")).Id);
        }

        var admin = await app.AdminClientAsync();

        var forward = new List<(Guid Id, string Name)>();
        var pages = new List<IDocument>();
        string? url = $"/admin/people?search={token}&size=7";
        while (url is not null)
        {
            var page = await admin.GetPageAsync(url);
            pages.Add(page);
            forward.AddRange(Rows(page));
            url = page.QuerySelector<IHtmlAnchorElement>("a[rel=next]")?.GetAttribute("href");
            Assert.True(pages.Count <= 10, "The pager does not end.");
        }

        Assert.Equal(5, pages.Count);
        Assert.Equal(added.Order(), forward.Select(r => r.Id).Order());
        Assert.Equal(forward.Count, forward.Select(r => r.Id).Distinct().Count());
        Assert.Equal(forward.Select(r => r.Name).Order(StringComparer.Ordinal), forward.Select(r => r.Name));
        Assert.Null(pages[0].QuerySelector("a[rel=prev]"));

        var backward = new List<(Guid Id, string Name)>();
        var back = pages[^1];
        while (back.QuerySelector<IHtmlAnchorElement>("a[rel=prev]")?.GetAttribute("href") is { } previous)
        {
            back = await admin.GetPageAsync(previous);
            backward.InsertRange(0, Rows(back));
        }

        backward.AddRange(Rows(pages[^1]));
        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task PeopleList_FilteredByBusinessUnitOrDepartment_ShowsOnlyThoseIn()
    {
        var token = OrganisationIntents.Unique();
        var sales = await app.AddBusinessUnitAsync($"Sales {token}");
        var it = await app.AddDepartmentAsync($"IT {token}");
        var desk = await app.AddTeamAsync(it.Id, "Desk");
        var seller = await app.AddPersonAsync($"Seller {token}", businessUnitId: sales.Id);
        var agent = await app.AddPersonAsync($"Agent {token}");
        await app.AddToTeamAsync(agent.Id, desk.Id, isLead: true);
        await app.AddPersonAsync($"Nobody {token}");
        var admin = await app.AdminClientAsync();

        var bySales = Rows(await admin.GetPageAsync($"/admin/people?search={token}&unit={sales.Id}"));
        var byIt = await admin.GetPageAsync($"/admin/people?search={token}&department={it.Id}");

        Assert.Equal([seller.Id], bySales.Select(r => r.Id));
        Assert.Equal([agent.Id], Rows(byIt).Select(r => r.Id));
        Assert.Contains("Desk (lead)", byIt.QuerySelector($"tr[data-person='{agent.Id}']")?.TextContent);
    }

    [Fact]
    public async Task AddPerson_ThroughThePage_StoresThemWithALowerCaseAddressAndRecordsTheEvent()
    {
        var token = OrganisationIntents.Unique();
        var unit = await app.AddBusinessUnitAsync($"Marketing {token}");
        var admin = await app.AdminClientAsync();

        var response = await admin.SubmitFormAsync("/admin/people", "#add-person", new()
        {
            ["Input.DisplayName"] = $"Rosa {token}",
            ["Input.Email"] = $"  Rosa.{token}@Example.ORG ",
            ["Input.JobTitle"] = "Campaign lead",
            ["Input.BusinessUnitId"] = unit.Id.ToString(),
        });

        Assert.Contains($"Rosa {token} is added", (await response.ParseAsync()).QuerySelector(".flash")?.TextContent);
        var person = await app.QueryAsync(db => db.Set<Person>().SingleAsync(p => p.DisplayName == $"Rosa {token}"));
        Assert.Equal($"rosa.{token}@example.org", person.Email);
        Assert.Equal(unit.Id, person.BusinessUnitId);
        Assert.Single(await app.EventsOfAsync("organisation.person-added", person.Id));
    }

    [Theory]
    [InlineData("not-an-address", "Enter an e-mail address such as name@example.com.")]
    [InlineData("", "Enter the person's e-mail address.")]
    public async Task AddPerson_WithABadAddress_IsRefusedNextToTheField(string email, string message)
    {
        var admin = await app.AdminClientAsync();
        var name = $"Kim {OrganisationIntents.Unique()}";

        var response = await admin.SubmitFormAsync("/admin/people", "#add-person", new() { ["Input.DisplayName"] = name, ["Input.Email"] = email });

        var page = await response.ParseAsync();
        Assert.Equal(message, page.QuerySelector("#add-email-error")?.TextContent);
        Assert.Equal(name, page.QuerySelector<IHtmlInputElement>("#add-displayname")?.Value);
        Assert.False(await app.QueryAsync(db => db.Set<Person>().AnyAsync(p => p.DisplayName == name)));
    }

    [Fact]
    public async Task AddPerson_WithAnAddressSomeoneHas_IsRefusedNextToTheField()
    {
        var email = $"taken-{OrganisationIntents.Unique()}@example.org";
        await app.AddPersonAsync("First Holder", email);
        var admin = await app.AdminClientAsync();

        var response = await admin.SubmitFormAsync("/admin/people", "#add-person", new() { ["Input.DisplayName"] = "Second", ["Input.Email"] = email.ToUpperInvariant() });

        Assert.Contains("is the address of First Holder already", (await response.ParseAsync()).QuerySelector("#add-email-error")?.TextContent);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<Person>().CountAsync(p => p.Email == email)));
    }

    [Fact]
    public async Task EditPerson_WithAStaleVersion_ShowsTheConflictAndDoesNotOverwrite()
    {
        var token = OrganisationIntents.Unique();
        var person = await app.AddPersonAsync($"Grace {token}");
        var url = $"/admin/people/{person.Id}";
        var admin = await app.AdminClientAsync();
        var myForm = (await admin.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("#edit-person")!;
        await (await app.AdminClientAsync()).SubmitFormAsync(url, "#edit-person", new() { ["Input.JobTitle"] = "HR Advisor" });

        var page = await (await admin.SubmitAsync(myForm, new() { ["Input.JobTitle"] = "Payroll Specialist" })).ParseAsync();

        Assert.Contains("HR Advisor", page.QuerySelector("#conflict")?.TextContent);
        Assert.Equal("Payroll Specialist", page.QuerySelector<IHtmlInputElement>("#edit-jobtitle")?.Value);
        Assert.Equal("HR Advisor", (await app.QueryAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id))).JobTitle);
    }

    [Fact]
    public async Task PeopleCsv_WithANameThatLooksLikeAFormula_StartsThatCellWithAnApostrophe()
    {
        var token = OrganisationIntents.Unique();
        await app.AddPersonAsync("=HYPERLINK(\"x\")", $"formula-{token}@example.org");
        var admin = await app.AdminClientAsync();

        var response = await admin.GetAsync($"/admin/people.csv?search=formula-{token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name,E-mail,Job title,Business unit,Teams,Can sign in", lines[0]);
        Assert.Equal($"\"'=HYPERLINK(\"\"x\"\")\",formula-{token}@example.org,,,,no", Assert.Single(lines.Skip(1)));
    }

    [Fact]
    public async Task PersonFromAnAccount_AppearsInThePeopleListOnceEventsAreHandled()
    {
        var account = await app.CreateAccountAsync(RapportRoles.Requester, name: $"Signed Up {OrganisationIntents.Unique()}");
        await app.DrainEventsAsync();
        var admin = await app.AdminClientAsync();

        var rows = Rows(await admin.GetPageAsync($"/admin/people?search={Uri.EscapeDataString(account.Email)}"));

        var row = Assert.Single(rows);
        var person = await app.QueryAsync(db => db.Set<Person>().SingleAsync(p => p.AccountId == account.Id));
        Assert.Equal(person.Id, row.Id);
    }

    private static List<(Guid Id, string Name)> Rows(IDocument page) =>
        [.. page.QuerySelectorAll("#people tbody tr").Select(tr => (Guid.Parse(tr.GetAttribute("data-person")!), tr.QuerySelector("td a")!.TextContent))];
}

public sealed class PeoplePagesTests_Sqlite(SqliteApp app) : PeoplePagesTests(app), IClassFixture<SqliteApp>;

public sealed class PeoplePagesTests_Postgres(PostgresApp app) : PeoplePagesTests(app), IClassFixture<PostgresApp>;
