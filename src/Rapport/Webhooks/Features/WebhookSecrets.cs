using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rapport.Webhooks.Features;

/// <summary>
/// Signing secrets: made here, shown once, stored protected with the data-protection keys every node
/// shares, and unprotected only to sign a delivery.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector("Rapport.Webhooks.Secret");

    /// <summary>A new secret, e.g. <c>whsec_3q2-7wE…</c>: 32 random bytes.</summary>
    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
