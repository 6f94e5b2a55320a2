namespace Rapport.Accounts.Contracts;

/// <summary>Read-only questions other modules may ask about accounts.</summary>
public interface IAccountDirectory
{
    Task<AccountDto?> FindAsync(Guid accountId, CancellationToken ct);

    Task<AccountDto?> FindByEmailAsync(string email, CancellationToken ct);
}
