using System.Net;
using Rapport.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Organisation;

public abstract class OrganisationAccessTests(RapportApp app)
{
    private static readonly string[] Addresses =
    [
        "/admin/departments",
        "/admin/teams",
        "/admin/business-units",
        "/admin/people",
        "/admin/departments.csv",
        "/admin/teams.csv",
        "/admin/business-units.csv",
        "/admin/people.csv",
    ];

    public static TheoryData<string> AdminAddresses => new(Addresses);

    [Theory]
    [InlineData(RapportRoles.Agent)]
    [InlineData(RapportRoles.Requester)]
    [InlineData(RapportRoles.TeamLead)]
    public async Task AdminPagesAndExports_ForAnyoneButAnAdministrator_ShowTheNotForYourRolePage(string role)
    {
        var browser = await app.SignedInClientAsync(await app.CreateAccountAsync(role));

        foreach (var address in Addresses)
        {
            var response = await browser.GetAsync(address);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("/denied", response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var page = await response.ParseAsync();
            Assert.Equal("This part of Rapport is not open to you", page.QuerySelector("h1")?.TextContent);
        }
    }

    [Theory]
    [MemberData(nameof(AdminAddresses))]
    public async Task AdminPageOrExport_ForAnonymous_RedirectsToSignIn(string address)
    {
        var response = await app.AnonymousClient(followRedirects: false).GetAsync(address);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal("/signin", location.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString(address), location.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(AdminAddresses))]
    public async Task AdminPageOrExport_ForAnAdministrator_IsServed(string address)
    {
        var admin = await app.AdminClientAsync();

        var response = await admin.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(address, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(address.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class OrganisationAccessTests_Sqlite(SqliteApp app) : OrganisationAccessTests(app), IClassFixture<SqliteApp>;

public sealed class OrganisationAccessTests_Postgres(PostgresApp app) : OrganisationAccessTests(app), IClassFixture<PostgresApp>;
