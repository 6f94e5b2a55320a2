using Rapport.Organisation.Domain;
using Rapport.Platform.Database;

namespace Rapport.Organisation.Features;

/// <summary>Which people a list or an export shows: a search in names and e-mail addresses, a business unit, a department.</summary>
public sealed record PeopleFilter(string? Search = null, Guid? BusinessUnitId = null, Guid? DepartmentId = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Search) && BusinessUnitId is null && DepartmentId is null;

    internal IQueryable<Person> Apply(RapportDb db)
    {
        var people = db.Set<Person>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var text = Search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Runs as SQL lower(): no .NET culture is involved.
            people = people.Where(p => p.DisplayName.ToLower().Contains(text) || p.Email.Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (BusinessUnitId is { } unit)
        {
            people = people.Where(p => p.BusinessUnitId == unit);
        }

        if (DepartmentId is { } department)
        {
            people = people.Where(p => db.Set<TeamMember>().Any(m =>
                m.PersonId == p.Id && db.Set<Team>().Any(t => t.Id == m.TeamId && t.DepartmentId == department)));
        }

        return people;
    }
}
