using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Rapport.Webhooks.Domain;

namespace Rapport.Webhooks.Features;

/// <summary>
/// Keeps webhooks off private networks (see <see cref="WebhookAddresses"/>): when a URL is saved, and
/// again on every connection, because a name's addresses can change after it was checked. The sender
/// connects to the very address that was checked, so a name cannot resolve one way for the check and
/// another way for the request.
/// </summary>
public sealed class WebhookAddressGuard(IOptionsMonitor<WebhooksOptions> options)
{
    private bool Allowed => options.CurrentValue.AllowPrivateAddresses;

    /// <summary>Why <paramref name="url"/> may not be used, or null when it may.</summary>
    public async Task<string?> ProblemWithAsync(Uri url, CancellationToken ct)
    {
        if (Allowed)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.Host, ct);
        }
        catch (SocketException)
        {
            return $"The host {url.Host} could not be found. Check the address.";
        }

        return addresses.Length == 0
            ? $"The host {url.Host} could not be found. Check the address."
            : addresses.All(WebhookAddresses.IsPublic)
                ? null
                : Refused(url.Host);
    }

    /// <summary>Opens the connection for the sender's HTTP client, to a checked address only.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, ct);
        if (!Allowed)
        {
            addresses = [.. addresses.Where(WebhookAddresses.IsPublic)];
            if (addresses.Length == 0)
            {
                throw new HttpRequestException(Refused(host));
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var bare = host.TrimStart('[').TrimEnd(']');
        return IPAddress.TryParse(bare, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(bare, ct);
    }

    private static string Refused(string host) =>
        $"{host} is a loopback, private or link-local address. Rapport does not send webhooks into private networks " +
        "unless the setting Webhooks:AllowPrivateAddresses is true.";
}
