using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Domain;
using Rapport.Platform;
using Rapport.Platform.Database;
using Rapport.Platform.Web;

namespace Rapport.Accounts.Features;

/// <summary>Which accounts to list: a part of the name or e-mail address, and a role.</summary>
public sealed record AccountFilter(string? Search, string? Role)
{
    public string? Term => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    public string? KnownRole => Role is not null && RapportRoles.All.Contains(Role) ? Role : null;
}

/// <summary>One line of the account list.</summary>
public sealed record AccountSummary(
    Guid Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool Locked,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastTokenUse);

/// <summary>Accounts sorted by e-mail address, a page at a time (keyset), or all of them for an export.</summary>
public sealed class ListAccountsHandler(RapportDb db, TimeProvider time)
{
    public async Task<Page<AccountSummary>> PageAsync(AccountFilter filter, string? after, int? size, CancellationToken ct)
    {
        var take = Paging.Size(size);
        var query = await FilteredAsync(filter, ct);
        if (Paging.Decode<string>(after) is { } key)
        {
            query = query.Where(u => u.NormalizedEmail!.CompareTo(key) > 0);
        }

        var users = await query.OrderBy(u => u.NormalizedEmail).Take(take + 1).ToListAsync(ct);
        var next = users.Count > take ? Paging.Encode(users[take - 1].NormalizedEmail) : null;
        return new Page<AccountSummary>(await SummariseAsync(users.Take(take).ToList(), ct), next);
    }

    public async Task<IReadOnlyList<AccountSummary>> AllAsync(AccountFilter filter, CancellationToken ct)
    {
        var users = await (await FilteredAsync(filter, ct)).OrderBy(u => u.NormalizedEmail).ToListAsync(ct);
        return await SummariseAsync(users, ct);
    }

    private async Task<IQueryable<RapportUser>> FilteredAsync(AccountFilter filter, CancellationToken ct)
    {
        var users = db.Set<RapportUser>().AsNoTracking();
        if (filter.Term is { } term)
        {
            var upper = term.ToUpperInvariant();

            // Runs as SQL: both databases translate ToUpper() to upper(); the culture overloads do not translate.
#pragma warning disable CA1304, CA1311, CA1862
            users = users.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (filter.KnownRole is { } role)
        {
            var normalized = role.ToUpperInvariant();
            var roleId = await db.Roles.Where(r => r.NormalizedName == normalized).Select(r => r.Id).SingleAsync(ct);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        return users;
    }

    private async Task<IReadOnlyList<AccountSummary>> SummariseAsync(List<RapportUser> users, CancellationToken ct)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        var lastUse = (await db.Set<ApiToken>().AsNoTracking()
                .Where(t => ids.Contains(t.UserId) && t.LastUsedAt != null)
                .Select(t => new { t.UserId, t.LastUsedAt })
                .ToListAsync(ct))
            .GroupBy(t => t.UserId)
            .ToDictionary(g => g.Key, g => g.Max(t => t.LastUsedAt));
        var now = time.GetUtcNow();
        return
        [
            .. users.Select(u => new AccountSummary(
                u.Id,
                u.Email!,
                u.DisplayName,
                [.. roles[u.Id].OrderBy(r => RapportRoles.All.ToList().IndexOf(r))],
                u.LockoutEnd is { } end && end > now,
                u.CreatedAt,
                lastUse.GetValueOrDefault(u.Id))),
        ];
    }
}
