using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <param name="Key">Optional: made from the name when left empty.</param>
public sealed record AddBusinessUnit(string? Name, string? Key, string? Description);

public sealed class AddBusinessUnitHandler(RapportDb db, EventLog events, TimeProvider time)
{
    public async Task<Result<BusinessUnit>> HandleAsync(AddBusinessUnit command, CancellationToken ct)
    {
        var check = new InputCheck();
        var name = check.Required("name", command.Name, InputCheck.NameMaxLength, "Give the business unit a name, e.g. \"Sales\" or \"Marketing\".");
        var key = check.Key(command.Key, name);
        var description = check.Optional("description", command.Description, InputCheck.DescriptionMaxLength);
        if (check.Failed)
        {
            check.Include(name.Length == 0 ? null : await BusinessUnitRules.FindClashAsync(db, null, name, null, ct));
            return check.Error;
        }

        if (await BusinessUnitRules.FindClashAsync(db, null, name, key, ct) is { } clash)
        {
            return clash;
        }

        var now = time.GetUtcNow();
        var unit = new BusinessUnit { Id = Guid.CreateVersion7(now), Key = key, Name = name, Description = description, CreatedAt = now };
        db.Add(unit);
        events.Append(new BusinessUnitAdded(unit.Id, key, name, description), "business-unit", unit.Id.ToString());
        var failed = await db.SaveOrConflictAsync(BusinessUnitRules.What, ct, () => BusinessUnitRules.FindClashAsync(db, null, name, key, ct));
        return failed is null ? unit : failed;
    }
}
