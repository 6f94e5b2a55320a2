using Rapport.Organisation.Contracts;

namespace Rapport.Organisation.Features;

/// <summary>Adds an unknown writer as a person, through the same rules as an administrator adding them.</summary>
public sealed class PeopleEnrolment(IOrganisationDirectory directory, AddPersonHandler add) : IPeopleEnrolment
{
    public async Task<PersonDto?> FindOrAddAsync(string email, string? displayName, CancellationToken ct)
    {
        if (await directory.FindPersonByEmailAsync(email, ct) is { } known)
        {
            return known;
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim();
        if (name.Length > 100)
        {
            name = name[..100];
        }

        var added = await add.HandleAsync(new AddPerson(name, email, null, null), ct);
        return added.Succeeded ? await directory.FindPersonAsync(added.Value.Id, ct) : null;
    }
}
