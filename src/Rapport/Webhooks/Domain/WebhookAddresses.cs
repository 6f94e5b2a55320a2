using System.Net;
using System.Net.Sockets;

namespace Rapport.Webhooks.Domain;

/// <summary>
/// Which addresses a webhook may reach. A webhook is a request the server makes on an administrator's
/// behalf, so without care it reaches what only the server can: its own loopback, the cloud's metadata
/// service (169.254.169.254), the office network. Those are refused unless the installation allows them.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>True for an address on the public internet; false for loopback, private, link-local,
    /// unique-local, shared (carrier NAT), multicast, reserved and unspecified addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0 // "this network", including 0.0.0.0
        || b[0] == 10 // private
        || b[0] == 127 // loopback
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // shared address space (carrier NAT)
        || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) // private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
        || (b[0] == 192 && b[1] == 168) // private
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
        || b[0] >= 224); // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var b = address.GetAddressBytes();

        // Addresses that carry an IPv4 address inside are as public as that address:
        // NAT64 (64:ff9b::/96), 6to4 (2002::/16) and the old IPv4-compatible form (::a.b.c.d).
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].All(x => x == 0))
        {
            return IsPublicV4(b[12..16]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(b[2..6]);
        }

        if (b[..12].All(x => x == 0))
        {
            return IsPublicV4(b[12..16]);
        }

        // Only global unicast (2000::/3) is on the internet.
        return (b[0] & 0xE0) == 0x20;
    }
}
