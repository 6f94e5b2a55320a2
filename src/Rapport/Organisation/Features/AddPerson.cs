using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>
/// Adds someone who has no account yet, e.g. so that they can be put in a team or raise requests by
/// e-mail. When an account is made for the same address later, it is linked to this person.
/// </summary>
public sealed record AddPerson(string? DisplayName, string? Email, string? JobTitle, Guid? BusinessUnitId);

public sealed class AddPersonHandler(RapportDb db, EventLog events, TimeProvider time)
{
    public async Task<Result<Person>> HandleAsync(AddPerson command, CancellationToken ct)
    {
        var check = new InputCheck();
        var name = check.Required("displayName", command.DisplayName, InputCheck.PersonNameMaxLength, "Enter the person's name as colleagues know it, e.g. \"Priya Natarajan\".");
        var email = check.Email(command.Email);
        var jobTitle = check.Optional("jobTitle", command.JobTitle, InputCheck.JobTitleMaxLength);
        if (check.Failed)
        {
            check.Include(PersonEmail.IsValid(email) ? await PersonRules.FindClashAsync(db, null, email, ct) : null);
            return check.Error;
        }

        if (await PersonRules.CheckBusinessUnitAsync(db, command.BusinessUnitId, null, ct) is { } badUnit)
        {
            return badUnit;
        }

        if (await PersonRules.FindClashAsync(db, null, email, ct) is { } clash)
        {
            return clash;
        }

        var now = time.GetUtcNow();
        var person = new Person
        {
            Id = Guid.CreateVersion7(now),
            DisplayName = name,
            Email = email,
            JobTitle = jobTitle.Length == 0 ? null : jobTitle,
            BusinessUnitId = command.BusinessUnitId,
            CreatedAt = now,
        };
        db.Add(person);
        events.Append(new PersonAdded(person.Id, name, email, person.JobTitle, person.BusinessUnitId, null), "person", person.Id.ToString());
        var failed = await db.SaveOrConflictAsync(PersonRules.What, ct, () => PersonRules.FindClashAsync(db, null, email, ct));
        return failed is null ? person : failed;
    }
}
