using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Contracts;
using Rapport.Accounts.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Accounts.Features;

public sealed record IssueApiToken(Guid AccountId, string Name);

public sealed record IssuedApiToken(Guid Id, string Name, string Secret);

public sealed class IssueApiTokenHandler(RapportDb db, EventLog events, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public async Task<Result<IssuedApiToken>> HandleAsync(IssueApiToken command, CancellationToken ct)
    {
        var name = command.Name.Trim();
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return Invalid.Field("name", $"Give the token a name of 1 to {MaxNameLength} characters, e.g. the tool that will use it.");
        }

        if (!await db.Set<RapportUser>().AnyAsync(u => u.Id == command.AccountId, ct))
        {
            return new NotFoundError("accounts.not-found", "That account does not exist.");
        }

        var (token, secret) = ApiToken.Issue(command.AccountId, name, time.GetUtcNow());
        db.Add(token);
        events.Append(new ApiTokenCreated(command.AccountId, token.Id, name, token.Hint), "account", command.AccountId.ToString());
        await db.SaveChangesAsync(ct);
        return new IssuedApiToken(token.Id, name, secret);
    }
}

public sealed class RevokeApiTokenHandler(RapportDb db, EventLog events, TimeProvider time)
{
    /// <summary>Revokes one of <paramref name="accountId"/>'s tokens. Revoking twice changes nothing.</summary>
    public async Task<Result<Guid>> HandleAsync(Guid accountId, Guid tokenId, CancellationToken ct)
    {
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == accountId, ct);
        if (token is null)
        {
            return new NotFoundError("accounts.token-not-found", "That token does not exist.");
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow();
            events.Append(new ApiTokenRevoked(accountId, tokenId), "account", accountId.ToString());
            await db.SaveChangesAsync(ct);
        }

        return token.Id;
    }
}
