using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Browser.Tests.Infrastructure;

/// <summary>
/// The real Rapport on Kestrel, on a free port of 127.0.0.1, with its own SQLite file and the demo
/// organisation: a browser needs a real socket, the in-memory test server is not enough.
/// </summary>
public sealed class RapportServer(string dataDirectory, string demoPassword) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Port 0: the OS picks a free port, so parallel runs on one machine do not collide.
        builder.UseUrls("http://127.0.0.1:0");
        // Pinned here so a developer's environment variables cannot point the tests at another database.
        builder.UseSetting("Rapport:DataDirectory", dataDirectory);
        builder.UseSetting("Rapport:Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:Rapport", "");
        builder.UseSetting("Rapport:Demo:Seed", "true");
        builder.UseSetting("Rapport:Demo:Password", demoPassword);
    }

    /// <summary>Starts Kestrel (migrating and seeding on the way) and answers the address it listens on.</summary>
    public Uri Start()
    {
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel is not on 127.0.0.1: {string.Join(", ", addresses)}");
        return new Uri(address);
    }
}
