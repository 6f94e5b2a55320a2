namespace Rapport.Organisation.Contracts;

/// <summary>Adds people who reach the organisation from outside, e.g. by writing to a support address.</summary>
public interface IPeopleEnrolment
{
    /// <summary>The person with this address, added (without an account) when nobody has it yet.</summary>
    Task<PersonDto?> FindOrAddAsync(string email, string? displayName, CancellationToken ct);
}
