using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline.Download;

// Where a download may connect. The allow-list checks names; a name can still resolve to this machine, the
// cloud's metadata service or a private network (by mistake, a takeover of the name, or DNS rebinding).
// So the name is resolved here, the addresses are checked, and the connection goes to a checked address:
// nothing is resolved twice, so nothing can change between the check and the connect. An IP literal or
// "localhost" in the allow-list is the operator's explicit choice and is connected to as named;
// Media:AllowPrivateAddresses lifts the rule for names (a file host on a private network).
public sealed class AddressGuard(IOptions<MediaOptions> options, IHostResolver resolver)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            addresses = await resolver.ResolveAsync(host, cancellationToken);
            if (!options.Value.AllowPrivateAddresses && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                var usable = addresses.Where(IsPublic).ToArray();
                if (usable.Length == 0)
                {
                    throw new PrivateAddressException(host, addresses.FirstOrDefault());
                }
                addresses = usable;
            }
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // Globally routable unicast only: no loopback, private, shared (CGNAT), link-local (cloud metadata at
    // 169.254.169.254), unique-local, multicast, documentation or reserved ranges, in either family.
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            {
                return false;
            }
            var b = address.GetAddressBytes();
            var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b; // 64:ff9b::/96 embeds an IPv4 address
            var documentation = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8;
            return (b[0] & 0xE0) == 0x20 && !documentation
                || (nat64 && IsPublic(new IPAddress(b[12..16])));
        }
        return false;
    }
}

// Names resolved by the system's resolver; tests give their own.
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class SystemHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}

public sealed class PrivateAddressException(string host, IPAddress? address)
    : IOException($"{host} resolves to {address}, which is not a public address")
{
    public string Host { get; } = host;
}
