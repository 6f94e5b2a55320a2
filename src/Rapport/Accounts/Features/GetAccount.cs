using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Domain;
using Rapport.Platform;
using Rapport.Platform.Database;

namespace Rapport.Accounts.Features;

/// <summary>An account as its administrator sees it.</summary>
public sealed record AccountDetails(
    Guid Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LockedUntil,
    int FailedSignIns,
    IReadOnlyList<ApiTokenSummary> Tokens)
{
    /// <summary>Locked by an administrator: no end that a person would wait for.</summary>
    public bool LockedForGood => LockedUntil is { } until && until.Year >= 9999;
}

/// <summary>An API token without its secret, which is never shown again.</summary>
public sealed record ApiTokenSummary(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

public sealed class GetAccountHandler(RapportDb db, TimeProvider time)
{
    public async Task<AccountDetails?> HandleAsync(Guid accountId, CancellationToken ct)
    {
        var user = await db.Set<RapportUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == accountId, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await AccountDirectory.RolesOf(db, accountId).ToListAsync(ct);
        var lockedUntil = user.LockoutEnd is { } end && end > time.GetUtcNow() ? end : (DateTimeOffset?)null;
        return new AccountDetails(
            user.Id,
            user.Email!,
            user.DisplayName,
            [.. roles.OrderBy(r => RapportRoles.All.ToList().IndexOf(r))],
            user.CreatedAt,
            lockedUntil,
            user.AccessFailedCount,
            await TokensOfAsync(db, accountId, ct));
    }

    /// <summary>An account's tokens, newest first.</summary>
    public static async Task<IReadOnlyList<ApiTokenSummary>> TokensOfAsync(RapportDb db, Guid accountId, CancellationToken ct)
    {
        var tokens = await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.UserId == accountId)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);

        return [.. tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)];
    }
}
