using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Rapport.Mail.Features;

/// <summary>
/// A mailbox's secrets: the IMAP password, protected with Data Protection (it must be read back to
/// log in), and the inbound token, of which only a hash is kept (it is only ever compared).
/// </summary>
public sealed class MailboxSecrets(IDataProtectionProvider protection)
{
    public const string TokenPrefix = "rmt_";

    private readonly IDataProtector _protector = protection.CreateProtector("Rapport.Mail.ImapPassword");

    public string Protect(string password) => _protector.Protect(password);

    public string Unprotect(string protectedPassword) => _protector.Unprotect(protectedPassword);

    public static string NewToken() => TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
