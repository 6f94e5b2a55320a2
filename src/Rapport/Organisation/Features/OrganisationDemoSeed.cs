using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>The demo organisation's departments, teams, business units and people.</summary>
internal sealed class OrganisationDemoSeed(TimeProvider time) : IDemoSeed
{
    public int Order => 10;

    public Task<bool> IsSeededAsync(IServiceProvider scope, CancellationToken ct) =>
        scope.GetRequiredService<RapportDb>().Set<Department>().AnyAsync(ct);

    public async Task SeedAsync(DemoSeedContext context, IServiceProvider scope, CancellationToken ct)
    {
        var db = scope.GetRequiredService<RapportDb>();
        var events = scope.GetRequiredService<EventLog>();
        var now = time.GetUtcNow();
        var teams = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var units = new Dictionary<string, Guid>(StringComparer.Ordinal);

        foreach (var d in DemoOrganisation.Departments)
        {
            var department = new Department { Id = Guid.CreateVersion7(now), Key = d.Key, Name = d.Name, Description = d.Description, CreatedAt = now };
            db.Add(department);
            events.Append(new DepartmentAdded(department.Id, d.Key, d.Name, d.Description), "department", department.Id.ToString());
            foreach (var t in d.Teams)
            {
                var team = new Team { Id = Guid.CreateVersion7(now), DepartmentId = department.Id, Key = t.Key, Name = t.Name, CreatedAt = now };
                teams[t.Key] = team.Id;
                db.Add(team);
                events.Append(new TeamAdded(team.Id, department.Id, t.Key, t.Name, ""), "team", team.Id.ToString());
            }
        }

        foreach (var u in DemoOrganisation.BusinessUnits)
        {
            var unit = new BusinessUnit { Id = Guid.CreateVersion7(now), Key = u.Key, Name = u.Name, Description = u.Description, CreatedAt = now };
            units[u.Key] = unit.Id;
            db.Add(unit);
            events.Append(new BusinessUnitAdded(unit.Id, u.Key, u.Name, u.Description), "business-unit", unit.Id.ToString());
        }

        foreach (var p in DemoOrganisation.People)
        {
            var person = new Person
            {
                Id = Guid.CreateVersion7(now),
                DisplayName = p.Name,
                Email = p.Email,
                JobTitle = p.JobTitle,
                BusinessUnitId = p.BusinessUnit is null ? null : units[p.BusinessUnit],
                CreatedAt = now,
            };
            db.Add(person);
            events.Append(new PersonAdded(person.Id, p.Name, p.Email, p.JobTitle, person.BusinessUnitId, null), "person", person.Id.ToString());
            if (p.Team is not null)
            {
                db.Add(new TeamMember { TeamId = teams[p.Team], PersonId = person.Id, IsLead = p.LeadsTeam });
                events.Append(new PersonJoinedTeam(person.Id, teams[p.Team], p.LeadsTeam), "person", person.Id.ToString());
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
