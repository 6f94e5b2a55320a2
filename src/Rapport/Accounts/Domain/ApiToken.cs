using System.Security.Cryptography;
using System.Text;

namespace Rapport.Accounts.Domain;

/// <summary>
/// A token for the API. Only a SHA-256 hash is stored: the token itself is shown once, when made.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "rpt_";

    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Name { get; init; }

    /// <summary>The first characters, so that people can tell their tokens apart.</summary>
    public required string Hint { get; init; }

    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Makes a new token: the entity to store and the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Issue(Guid userId, string name, DateTimeOffset now)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name,
            Hint = secret[..10],
            Hash = HashOf(secret),
            CreatedAt = now,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
