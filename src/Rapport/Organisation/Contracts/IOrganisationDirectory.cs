namespace Rapport.Organisation.Contracts;

public sealed record DepartmentDto(Guid Id, string Key, string Name, string Description);

public sealed record TeamDto(Guid Id, string Key, string Name, Guid DepartmentId, string DepartmentName);

public sealed record BusinessUnitDto(Guid Id, string Key, string Name);

public sealed record MembershipDto(TeamDto Team, bool IsLead);

public sealed record TeamMemberDto(Guid Id, string DisplayName, string Email, bool IsLead);

/// <summary>A person as other modules name them: for lists of people, such as a ticket's watchers.</summary>
public sealed record PersonNameDto(Guid Id, string DisplayName, string Email);

public sealed record PersonDto(
    Guid Id,
    string DisplayName,
    string Email,
    string? JobTitle,
    BusinessUnitDto? BusinessUnit,
    Guid? AccountId,
    IReadOnlyList<MembershipDto> Memberships)
{
    /// <summary>The departments this person works for, through their teams.</summary>
    public IReadOnlyList<Guid> DepartmentIds => [.. Memberships.Select(m => m.Team.DepartmentId).Distinct()];
}

/// <summary>Read-only questions other modules may ask about the organisation.</summary>
public interface IOrganisationDirectory
{
    Task<PersonDto?> FindPersonByAccountAsync(Guid accountId, CancellationToken ct);

    Task<PersonDto?> FindPersonByEmailAsync(string email, CancellationToken ct);

    Task<PersonDto?> FindPersonAsync(Guid personId, CancellationToken ct);

    /// <summary>The names of the given people that exist, by name.</summary>
    Task<IReadOnlyList<PersonNameDto>> ListPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct);

    Task<IReadOnlyList<DepartmentDto>> ListDepartmentsAsync(CancellationToken ct);

    Task<IReadOnlyList<TeamDto>> ListTeamsAsync(CancellationToken ct);

    Task<IReadOnlyList<BusinessUnitDto>> ListBusinessUnitsAsync(CancellationToken ct);

    /// <summary>The people of a team, leads first, then by name.</summary>
    Task<IReadOnlyList<TeamMemberDto>> ListTeamMembersAsync(Guid teamId, CancellationToken ct);
}
