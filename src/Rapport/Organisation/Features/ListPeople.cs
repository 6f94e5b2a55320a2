using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Web;

namespace Rapport.Organisation.Features;

/// <param name="After">Cursor: the page after this one (from <see cref="PageOfPeople.Next"/>).</param>
/// <param name="Before">Cursor: the page before this one (from <see cref="PageOfPeople.Previous"/>).</param>
public sealed record ListPeople(PeopleFilter Filter, string? After = null, string? Before = null, int? Size = null);

/// <param name="Teams">Names of the active teams they are in; "(lead)" after those they lead.</param>
public sealed record PersonRow(Guid Id, string DisplayName, string Email, string? JobTitle, string? BusinessUnitName, bool HasAccount, IReadOnlyList<string> Teams);

public sealed record PageOfPeople(IReadOnlyList<PersonRow> Items, string? Previous, string? Next);

/// <summary>
/// People by name, a page at a time. Keyset paging on (name, id), the people table's index: every page
/// costs what the first costs, and someone added meanwhile is neither skipped nor shown twice.
/// </summary>
public sealed class ListPeopleHandler(RapportDb db)
{
    public async Task<PageOfPeople> HandleAsync(ListPeople query, CancellationToken ct)
    {
        var size = Paging.Size(query.Size);
        var after = Paging.Decode<PersonCursor>(query.After);
        var before = after is null ? Paging.Decode<PersonCursor>(query.Before) : null;
        var people = query.Filter.Apply(db).AsNoTracking();

        List<Person> page;
        bool more;
        if (before is not null)
        {
            page = await Before(people, before).OrderByDescending(p => p.DisplayName).ThenByDescending(p => p.Id).Take(size + 1).ToListAsync(ct);
            more = page.Count > size;
            page = [.. page.Take(size).Reverse()];
        }
        else
        {
            page = await (after is null ? people : After(people, after)).OrderBy(p => p.DisplayName).ThenBy(p => p.Id).Take(size + 1).ToListAsync(ct);
            more = page.Count > size;
            page = [.. page.Take(size)];
        }

        if (page.Count == 0)
        {
            return new PageOfPeople([], null, null);
        }

        var first = Cursor(page[0]);
        var last = Cursor(page[^1]);
        var hasPrevious = before is not null ? more : after is not null && await Before(people, first).AnyAsync(ct);
        var hasNext = before is null ? more : await After(people, last).AnyAsync(ct);
        return new PageOfPeople(
            await RowsAsync(page, ct),
            hasPrevious ? Paging.Encode(first) : null,
            hasNext ? Paging.Encode(last) : null);
    }

    /// <summary>Everyone the filter finds, by name: for the CSV export.</summary>
    public async Task<IReadOnlyList<PersonRow>> AllAsync(PeopleFilter filter, CancellationToken ct)
    {
        var people = await filter.Apply(db).AsNoTracking().OrderBy(p => p.DisplayName).ThenBy(p => p.Id).ToListAsync(ct);
        return await RowsAsync(people, ct);
    }

    private async Task<IReadOnlyList<PersonRow>> RowsAsync(List<Person> people, CancellationToken ct)
    {
        var ids = people.Select(p => p.Id).ToList();
        var unitIds = people.Where(p => p.BusinessUnitId is not null).Select(p => p.BusinessUnitId!.Value).Distinct().ToList();
        var units = await db.Set<BusinessUnit>().AsNoTracking()
            .Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var memberships = await (
                from m in db.Set<TeamMember>().AsNoTracking()
                join t in db.Set<Team>() on m.TeamId equals t.Id
                where ids.Contains(m.PersonId) && t.ArchivedAt == null
                select new { m.PersonId, t.Name, m.IsLead })
            .ToListAsync(ct);
        var teams = memberships.ToLookup(m => m.PersonId);

        return [.. people.Select(p => new PersonRow(
            p.Id, p.DisplayName, p.Email, p.JobTitle,
            p.BusinessUnitId is { } unit ? units.GetValueOrDefault(unit) : null,
            p.AccountId is not null,
            [.. teams[p.Id].OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).Select(m => m.IsLead ? $"{m.Name} (lead)" : m.Name)]))];
    }

    private static PersonCursor Cursor(Person p) => new(p.DisplayName, p.Id);

    private static IQueryable<Person> After(IQueryable<Person> people, PersonCursor c) =>
        people.Where(p => p.DisplayName.CompareTo(c.Name) > 0 || (p.DisplayName == c.Name && p.Id.CompareTo(c.Id) > 0));

    private static IQueryable<Person> Before(IQueryable<Person> people, PersonCursor c) =>
        people.Where(p => p.DisplayName.CompareTo(c.Name) < 0 || (p.DisplayName == c.Name && p.Id.CompareTo(c.Id) < 0));

    /// <summary>The last (or first) row's sort key; opaque to the page.</summary>
    internal sealed record PersonCursor(string Name, Guid Id);
}
