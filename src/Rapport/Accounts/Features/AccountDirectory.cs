using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Contracts;
using Rapport.Accounts.Domain;
using Rapport.Platform.Database;

namespace Rapport.Accounts.Features;

internal sealed class AccountDirectory(RapportDb db) : IAccountDirectory
{
    public Task<AccountDto?> FindAsync(Guid accountId, CancellationToken ct) =>
        QueryAsync(db.Set<RapportUser>().Where(u => u.Id == accountId), ct);

    public Task<AccountDto?> FindByEmailAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return QueryAsync(db.Set<RapportUser>().Where(u => u.NormalizedEmail == normalized), ct);
    }

    private async Task<AccountDto?> QueryAsync(IQueryable<RapportUser> users, CancellationToken ct)
    {
        var user = await users.AsNoTracking().SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesOf(db, user.Id).ToListAsync(ct);
        return new AccountDto(user.Id, user.Email!, user.DisplayName, roles);
    }

    public static IQueryable<string> RolesOf(RapportDb db, Guid userId) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where ur.UserId == userId
        orderby r.Name
        select r.Name!;
}
