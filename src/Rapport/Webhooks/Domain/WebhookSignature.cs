using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rapport.Webhooks.Domain;

/// <summary>
/// How a receiver knows a request came from Rapport and was not replayed later:
/// <c>X-Rapport-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of "&lt;timestamp&gt;.&lt;body&gt;" keyed with
/// the webhook's secret (its UTF-8 bytes), where the timestamp is <c>X-Rapport-Timestamp</c> in Unix seconds.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, string body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return Prefix + Convert.ToHexStringLower(mac);
    }
}
