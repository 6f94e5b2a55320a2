using System.Net.Mail;

namespace Rapport.Organisation.Domain;

/// <summary>People are found by e-mail address (sign-in, inbound mail), so it is stored trimmed and lower-case.</summary>
public static class PersonEmail
{
    public const int MaxLength = 256;

    public static string Normalize(string? value) => (value ?? "").Trim().ToLowerInvariant();

    /// <summary>One plain address with a domain that has a dot: "name@example.com", not "Name &lt;name@x&gt;".</summary>
    public static bool IsValid(string value) =>
        MailAddress.TryCreate(value, out var address)
        && string.Equals(address.Address, value, StringComparison.OrdinalIgnoreCase)
        && address.Host.Contains('.', StringComparison.Ordinal);
}
