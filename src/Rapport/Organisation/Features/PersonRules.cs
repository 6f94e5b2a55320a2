using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Organisation.Features;

/// <summary>What adding and editing a person both check against the stored people and business units.</summary>
internal static class PersonRules
{
    public const string What = "This person";

    public static NotFoundError NotFound => new("organisation.person-not-found", "That person does not exist. Go back to the list of people.");

    /// <summary>An e-mail address identifies one person: mail and sign-in find people by it.</summary>
    public static async Task<Error?> FindClashAsync(RapportDb db, Guid? self, string email, CancellationToken ct)
    {
        var other = await db.Set<Person>().Where(p => p.Id != self && p.Email == email).Select(p => p.DisplayName).FirstOrDefaultAsync(ct);
        return other is null
            ? null
            : new AlreadyTaken("email", $"{email} is the address of {other} already. Each person needs their own address.");
    }

    /// <summary>A person is put in a business unit that is in use; one they are in already may stay even when archived.</summary>
    public static async Task<Error?> CheckBusinessUnitAsync(RapportDb db, Guid? unitId, Guid? current, CancellationToken ct)
    {
        if (unitId is null || unitId == current)
        {
            return null;
        }

        var unit = await db.Set<BusinessUnit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        return unit switch
        {
            null => Invalid.Field("businessUnitId", "That business unit does not exist any more. Choose another one."),
            { ArchivedAt: not null } => Invalid.Field("businessUnitId", $"{unit.Name} is archived. Restore it first, or choose another business unit."),
            _ => null,
        };
    }
}
