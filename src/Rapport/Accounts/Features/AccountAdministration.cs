using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Contracts;
using Rapport.Accounts.Domain;
using Rapport.Platform;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Accounts.Features;

/// <summary>What an administrator does to an account: roles, locking, a new password.</summary>
public sealed class AccountAdministration(UserManager<RapportUser> users, RapportDb db, EventLog events, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<string>>> SetRolesAsync(Guid accountId, IReadOnlyList<string> roles, Guid? actingAccountId, CancellationToken ct)
    {
        var wanted = roles.Distinct().Order(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0 || wanted.Any(r => !RapportRoles.All.Contains(r)))
        {
            return Invalid.Field("roles", $"Choose at least one role from: {string.Join(", ", RapportRoles.All)}.");
        }

        var user = await users.FindByIdAsync(accountId.ToString());
        if (user is null)
        {
            return new NotFoundError("accounts.not-found", "That account does not exist.");
        }

        var current = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        if (accountId == actingAccountId && current.Contains(RapportRoles.Administrator) && !wanted.Contains(RapportRoles.Administrator))
        {
            return new ConflictError("accounts.last-admin-self", "You cannot take the administrator role from yourself; ask another administrator.");
        }

        if (current.SequenceEqual(wanted))
        {
            return wanted;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!added.Succeeded)
        {
            return IdentityErrors.ToInvalid(added);
        }

        await users.UpdateSecurityStampAsync(user);
        events.Append(new AccountRolesChanged(accountId, wanted), "account", accountId.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return wanted;
    }

    public async Task<Result<bool>> SetLockedAsync(Guid accountId, bool locked, Guid? actingAccountId, CancellationToken ct)
    {
        if (locked && accountId == actingAccountId)
        {
            return new ConflictError("accounts.lock-self", "You cannot lock your own account.");
        }

        var user = await users.FindByIdAsync(accountId.ToString());
        if (user is null)
        {
            return new NotFoundError("accounts.not-found", "That account does not exist.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return IdentityErrors.ToInvalid(result);
        }

        await users.UpdateSecurityStampAsync(user);
        if (locked)
        {
            events.Append(new AccountLocked(accountId, "Locked by an administrator"), "account", accountId.ToString());
        }
        else
        {
            events.Append(new AccountUnlocked(accountId), "account", accountId.ToString());
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return locked;
    }

    /// <summary>Sets a new generated password and answers it, to be shown once.</summary>
    public async Task<Result<string>> ResetPasswordAsync(Guid accountId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(accountId.ToString());
        if (user is null)
        {
            return new NotFoundError("accounts.not-found", "That account does not exist.");
        }

        var password = CreateAccountHandler.GeneratePassword();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return IdentityErrors.ToInvalid(result);
        }

        events.Append(new AccountPasswordReset(accountId), "account", accountId.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return password;
    }

    public bool IsLocked(RapportUser user) => user.LockoutEnd is { } end && end > time.GetUtcNow();
}
