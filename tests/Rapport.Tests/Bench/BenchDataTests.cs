using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Accounts.Contracts;
using Rapport.Bench.Features;
using Rapport.Clocks.Features;
using Rapport.Platform;
using Rapport.Platform.Cli;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;
using Rapport.Platform.Events;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Bench;

/// <summary>
/// The benchmark's generator at a small size: what it writes must be what the product reads — the
/// desk lists the tickets, a ticket page tells its history from the generated events, clocks replay.
/// </summary>
public abstract class BenchDataTests(RapportApp app)
{
    private const int Tickets = 200;
    private const string Password = GenerateBenchDataCommand.DefaultPassword;

    private static readonly TestAccount Admin = new(Guid.Empty, DemoOrganisation.AdministratorEmail, Password, RapportRoles.Administrator);
    private static readonly TestAccount Requester = new(Guid.Empty, BenchCast.FeaturedEmail, Password, RapportRoles.Requester);

    /// <summary>The tests of a class share one database: the first one generates the data set.</summary>
    private async Task GeneratedAsync()
    {
        if (await app.QueryAsync(db => db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM tickets").SingleAsync()) > 0)
        {
            return;
        }

        var made = await app.ScopeAsync(sp => sp.GetRequiredService<BenchDataGenerator>()
            .GenerateAsync(new BenchDataRequest(Tickets, 7, Password), _ => { }, CancellationToken.None));
        Assert.Equal(Tickets, made.Tickets);
    }

    [Fact]
    public async Task Generate_DeskQueue_ListsEveryGeneratedTicket()
    {
        await GeneratedAsync();
        var admin = await app.SignedInClientAsync(Admin);

        var page = await admin.GetPageAsync("/desk/queues/all?state=all");
        Assert.NotNull(page.QuerySelector($"a[href='/desk/tickets/{Tickets}']"));

        var account = await app.ScopeAsync(sp => sp.GetRequiredService<IAccountDirectory>().FindByEmailAsync(Admin.Email, CancellationToken.None));
        var api = await app.ApiClientAsync(Admin with { Id = account!.Id });
        var seen = new HashSet<long>();
        string? cursor = null;
        do
        {
            var answer = await api.GetAsync(new Uri($"/api/v1/tickets?queue=all&state=all&size=70{(cursor is null ? "" : "&cursor=" + cursor)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            seen.UnionWith(json.RootElement.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
            cursor = json.RootElement.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(1, Tickets).Select(i => (long)i), seen.Order());
    }

    [Fact]
    public async Task Generate_TicketPage_TellsTheHistoryFromTheGeneratedEvents()
    {
        await GeneratedAsync();
        var closed = await app.QueryAsync(db => db.Database
            .SqlQueryRaw<long>("SELECT id AS \"Value\" FROM tickets WHERE state = 'closed' ORDER BY id").FirstAsync());
        var caseId = closed.ToString(CultureInfo.InvariantCulture);
        var events = await app.QueryAsync(db => db.Set<EventLogEntry>().CountAsync(e => e.CaseType == "ticket" && e.CaseId == caseId));
        var admin = await app.SignedInClientAsync(Admin);

        var page = await admin.GetPageAsync($"/desk/tickets/{closed}");

        var history = page.QuerySelectorAll("ol.history li").Select(li => li.TextContent).ToList();
        Assert.Equal(events, history.Count);
        Assert.Contains(history, h => h.Contains("opened the ticket", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("moved it from resolved to closed", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("replied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_RequesterWithManyTickets_SeesThemInThePortal()
    {
        await GeneratedAsync();
        var requester = await app.SignedInClientAsync(Requester);

        var response = await requester.GetAsync(new Uri("/portal/requests", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/portal/requests/']"));
    }

    [Fact]
    public async Task Generate_ThenRecompute_GivesTheTicketsTheirClocks_AndASecondRunChangesNothing()
    {
        await GeneratedAsync();
        var recompute = app.Services.GetServices<ICliCommand>().OfType<RecomputeClocksCommand>().Single();

        var first = await recompute.RecomputeAsync(50, (_, _) => { }, CancellationToken.None);
        var second = await recompute.RecomputeAsync(50, (_, _) => { }, CancellationToken.None);

        Assert.Equal(Tickets, first.Tickets);
        Assert.True(first.Changed > Tickets / 2, $"Only {first.Changed} tickets got clocks.");
        Assert.Equal(0, second.Changed);
        var clocks = await app.QueryAsync(db => db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM ticket_clocks").SingleAsync());
        Assert.True(clocks >= first.Changed, $"{clocks} clocks for {first.Changed} tickets.");
    }

    [Fact]
    public async Task Generate_IntoADatabaseWithTickets_RefusesAndSaysWhy()
    {
        await GeneratedAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.ScopeAsync(sp => sp.GetRequiredService<BenchDataGenerator>()
            .GenerateAsync(new BenchDataRequest(10, 1, Password), _ => { }, CancellationToken.None)));

        Assert.Contains("empty database", refused.Message, StringComparison.Ordinal);
    }
}

public sealed class BenchDataTests_Sqlite(SqliteApp app) : BenchDataTests(app), IClassFixture<SqliteApp>;

public sealed class BenchDataTests_Postgres(PostgresApp app) : BenchDataTests(app), IClassFixture<PostgresApp>;
