using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <param name="Version">The version the editor started from: a newer stored one means someone else saved first.</param>
public sealed record EditPerson(Guid Id, int Version, string? DisplayName, string? Email, string? JobTitle, Guid? BusinessUnitId);

public sealed class EditPersonHandler(RapportDb db, EventLog events)
{
    public async Task<Result<Person>> HandleAsync(EditPerson command, CancellationToken ct)
    {
        var check = new InputCheck();
        var name = check.Required("displayName", command.DisplayName, InputCheck.PersonNameMaxLength, "Enter the person's name as colleagues know it, e.g. \"Priya Natarajan\".");
        var email = check.Email(command.Email);
        var jobTitle = check.Optional("jobTitle", command.JobTitle, InputCheck.JobTitleMaxLength);
        if (check.Failed)
        {
            return check.Error;
        }

        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == command.Id, ct);
        if (person is null)
        {
            return PersonRules.NotFound;
        }

        if (person.Version != command.Version)
        {
            return new ConcurrentEdit(PersonRules.What);
        }

        var title = jobTitle.Length == 0 ? null : jobTitle;
        if (person.DisplayName == name && person.Email == email && person.JobTitle == title && person.BusinessUnitId == command.BusinessUnitId)
        {
            return person;
        }

        // The account signs in with this address; changing it here alone would split the person from their account.
        if (person.AccountId is not null && person.Email != email)
        {
            return Invalid.Field("email", "This person signs in with this address, so it stays as it is here. Change it with their account.");
        }

        if (await PersonRules.CheckBusinessUnitAsync(db, command.BusinessUnitId, person.BusinessUnitId, ct) is { } badUnit)
        {
            return badUnit;
        }

        if (person.Email != email && await PersonRules.FindClashAsync(db, person.Id, email, ct) is { } clash)
        {
            return clash;
        }

        person.DisplayName = name;
        person.Email = email;
        person.JobTitle = title;
        person.BusinessUnitId = command.BusinessUnitId;
        person.Version++;
        events.Append(new PersonChanged(person.Id, name, email, title, person.BusinessUnitId), "person", person.Id.ToString());
        var failed = await db.SaveOrConflictAsync(PersonRules.What, ct, () => PersonRules.FindClashAsync(db, person.Id, email, ct));
        return failed is null ? person : failed;
    }
}
