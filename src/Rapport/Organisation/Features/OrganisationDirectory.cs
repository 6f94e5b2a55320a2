using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

internal sealed class OrganisationDirectory(RapportDb db) : IOrganisationDirectory
{
    public Task<PersonDto?> FindPersonByAccountAsync(Guid accountId, CancellationToken ct) =>
        FindAsync(db.Set<Person>().Where(p => p.AccountId == accountId), ct);

    public Task<PersonDto?> FindPersonByEmailAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return FindAsync(db.Set<Person>().Where(p => p.Email == normalized), ct);
    }

    public Task<PersonDto?> FindPersonAsync(Guid personId, CancellationToken ct) =>
        FindAsync(db.Set<Person>().Where(p => p.Id == personId), ct);

    public async Task<IReadOnlyList<PersonNameDto>> ListPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0)
        {
            return [];
        }

        var ids = personIds.Distinct().ToList();
        return await db.Set<Person>().AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Select(p => new PersonNameDto(p.Id, p.DisplayName, p.Email))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<DepartmentDto>> ListDepartmentsAsync(CancellationToken ct) =>
        await db.Set<Department>().AsNoTracking()
            .Where(d => d.ArchivedAt == null)
            .OrderBy(d => d.Name)
            .Select(d => new DepartmentDto(d.Id, d.Key, d.Name, d.Description))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<TeamDto>> ListTeamsAsync(CancellationToken ct) =>
        await (from t in db.Set<Team>().AsNoTracking()
               join d in db.Set<Department>() on t.DepartmentId equals d.Id
               where t.ArchivedAt == null
               orderby d.Name, t.Name
               select new TeamDto(t.Id, t.Key, t.Name, d.Id, d.Name))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<BusinessUnitDto>> ListBusinessUnitsAsync(CancellationToken ct) =>
        await db.Set<BusinessUnit>().AsNoTracking()
            .Where(u => u.ArchivedAt == null)
            .OrderBy(u => u.Name)
            .Select(u => new BusinessUnitDto(u.Id, u.Key, u.Name))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<TeamMemberDto>> ListTeamMembersAsync(Guid teamId, CancellationToken ct) =>
        await (from m in db.Set<TeamMember>().AsNoTracking()
               join p in db.Set<Person>() on m.PersonId equals p.Id
               where m.TeamId == teamId
               orderby m.IsLead descending, p.DisplayName
               select new TeamMemberDto(p.Id, p.DisplayName, p.Email, m.IsLead))
            .ToListAsync(ct);

    private async Task<PersonDto?> FindAsync(IQueryable<Person> people, CancellationToken ct)
    {
        var person = await people.AsNoTracking().SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        var unit = person.BusinessUnitId is null
            ? null
            : await db.Set<BusinessUnit>().AsNoTracking()
                .Where(u => u.Id == person.BusinessUnitId)
                .Select(u => new BusinessUnitDto(u.Id, u.Key, u.Name))
                .SingleOrDefaultAsync(ct);
        var memberships = await (
                from m in db.Set<TeamMember>().AsNoTracking()
                join t in db.Set<Team>() on m.TeamId equals t.Id
                join d in db.Set<Department>() on t.DepartmentId equals d.Id
                where m.PersonId == person.Id
                orderby d.Name, t.Name
                select new MembershipDto(new TeamDto(t.Id, t.Key, t.Name, d.Id, d.Name), m.IsLead))
            .ToListAsync(ct);
        return new PersonDto(person.Id, person.DisplayName, person.Email, person.JobTitle, unit, person.AccountId, memberships);
    }
}
