using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Contracts;
using Rapport.Accounts.Domain;
using Rapport.Platform;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Accounts.Features;

public sealed record CreateAccount(string Email, string DisplayName, IReadOnlyList<string> Roles, string? Password = null);

/// <summary>The account made, and its password when Rapport chose it (shown once, never stored).</summary>
public sealed record CreatedAccount(Guid Id, string Email, string? GeneratedPassword);

/// <summary>Makes an account with its roles, and records <see cref="AccountCreated"/>, in one transaction.</summary>
public sealed class CreateAccountHandler(
    UserManager<RapportUser> users,
    RapportDb db,
    EventLog events,
    TimeProvider time)
{
    public async Task<Result<CreatedAccount>> HandleAsync(CreateAccount command, CancellationToken ct)
    {
        var email = command.Email.Trim();
        if (!IsEmail(email))
        {
            return Invalid.Field("email", $"'{command.Email}' is not an e-mail address.");
        }

        var unknown = command.Roles.Where(r => !RapportRoles.All.Contains(r)).ToList();
        if (command.Roles.Count == 0 || unknown.Count > 0)
        {
            return Invalid.Field("role", $"Choose a role from: {string.Join(", ", RapportRoles.All)}.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return new ConflictError("accounts.email-taken", $"An account for {email} exists already.");
        }

        var displayName = string.IsNullOrWhiteSpace(command.DisplayName) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : command.DisplayName.Trim();
        var generated = command.Password is null ? GeneratePassword() : null;
        var user = new RapportUser
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = time.GetUtcNow(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, command.Password ?? generated!);
        if (!created.Succeeded)
        {
            return IdentityErrors.ToInvalid(created);
        }

        var roles = command.Roles.Distinct().ToList();
        var granted = await users.AddToRolesAsync(user, roles);
        if (!granted.Succeeded)
        {
            return IdentityErrors.ToInvalid(granted);
        }

        events.Append(new AccountCreated(user.Id, email, displayName, roles), "account", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CreatedAccount(user.Id, email, generated);
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && string.Equals(address.Address, value, StringComparison.OrdinalIgnoreCase)
        && value.Contains('.', StringComparison.Ordinal);

    /// <summary>A 20-character password from an alphabet without look-alikes.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}

internal static class IdentityErrors
{
    public static Invalid ToInvalid(IdentityResult result)
    {
        var fields = result.Errors
            .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "account")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return new Invalid("accounts.invalid", string.Join(" ", result.Errors.Select(e => e.Description)), fields);
    }
}
