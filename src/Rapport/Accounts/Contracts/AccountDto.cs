namespace Rapport.Accounts.Contracts;

/// <summary>What other modules may know of an account.</summary>
public sealed record AccountDto(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);
