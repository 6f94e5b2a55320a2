using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Contracts;
using Rapport.Accounts.Domain;
using Rapport.Accounts.Features;
using Rapport.Platform;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Accounts.Api;

public sealed record MeResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

public sealed record ApiTokenResponse(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed record CreateApiTokenRequest(string Name);

public sealed record CreatedApiTokenResponse(Guid Id, string Name, string Token);

internal static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/v1/me")
            .WithTags("Accounts")
            .RequireAuthorization(RapportPolicies.Api);
        me.MapGet("/", GetMeAsync)
            .WithName("GetMe")
            .WithSummary("Who am I")
            .WithDescription("The account the token belongs to, with its roles.");
        me.MapGet("/tokens", ListTokensAsync)
            .WithName("ListMyApiTokens")
            .WithSummary("List my API tokens")
            .WithDescription("Every token of this account, newest first; the secrets themselves are never shown again.");
        me.MapPost("/tokens", CreateTokenAsync)
            .WithName("CreateMyApiToken")
            .WithSummary("Create an API token")
            .WithDescription("Makes a new token for this account. The token is in the answer once and never again.");
        me.MapDelete("/tokens/{tokenId:guid}", RevokeTokenAsync)
            .WithName("RevokeMyApiToken")
            .WithSummary("Revoke an API token")
            .WithDescription("The token stops working at once. Revoking a revoked token changes nothing.");
    }

    public static void MapSignOut(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/signout", async (SignInManager<RapportUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.Redirect("/signin?signedOut=true");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

    private static async Task<Results<Ok<MeResponse>, NotFound>> GetMeAsync(ClaimsPrincipal user, IAccountDirectory accounts, CancellationToken ct)
    {
        var account = await accounts.FindAsync(AccountId(user), ct);
        return account is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new MeResponse(account.Id, account.Email, account.DisplayName, account.Roles));
    }

    private static async Task<Ok<List<ApiTokenResponse>>> ListTokensAsync(ClaimsPrincipal user, RapportDb db, CancellationToken ct)
    {
        var id = AccountId(user);
        var tokens = await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.UserId == id)
            .OrderByDescending(t => t.Id)
            .Select(t => new ApiTokenResponse(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(tokens);
    }

    private static async Task<Results<Created<CreatedApiTokenResponse>, ProblemHttpResult>> CreateTokenAsync(
        CreateApiTokenRequest request, ClaimsPrincipal user, IssueApiTokenHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new IssueApiToken(AccountId(user), request.Name ?? ""), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/me/tokens/{result.Value.Id}", new CreatedApiTokenResponse(result.Value.Id, result.Value.Name, result.Value.Secret))
            : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        Guid tokenId, ClaimsPrincipal user, RevokeApiTokenHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(AccountId(user), tokenId, ct);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static Guid AccountId(ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No account id on the principal."));
}
