using System.Globalization;
using Rapport.Platform.Cli;
using Rapport.Platform.Demo;

namespace Rapport.Bench.Features;

/// <summary><c>rapport bench generate --tickets N [--seed S] [--password P]</c>: the benchmark's data set, with progress.</summary>
internal sealed class GenerateBenchDataCommand(BenchDataGenerator generator) : ICliCommand
{
    public const string DefaultPassword = "bench-password-2026";

    public string Name => "bench generate";

    public string Arguments => "--tickets N [--seed S] [--password P]";

    public string Summary => "fill an empty database with the benchmark's data set: people, tickets over three years, their events";

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var tickets = Number(args.Required("tickets"), "--tickets", 1, 10_000_000);
        var seed = args.Optional("seed") is { } s ? Number(s, "--seed", 0, int.MaxValue) : 1;
        var password = args.Optional("password") ?? DefaultPassword;
        args.RejectUnknown();

        var made = await generator.GenerateAsync(new BenchDataRequest(tickets, seed, password), line => output.WriteLine(line), ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generated {made.Tickets:N0} tickets, {made.People:N0} people and {made.Events:N0} events in {made.Elapsed.TotalSeconds:0.0} s (seed {seed})."));
        await output.WriteLineAsync(
            $"Sign in with the password {password} as {DemoOrganisation.AdministratorEmail} (administrator), tom.becker@{DemoOrganisation.Domain} (IT agent) or {BenchCast.FeaturedEmail} (a requester with many tickets).");
        await output.WriteLineAsync("Run 'rapport clocks recompute' next to give the tickets their promise clocks.");
        return RapportCommandLine.Ok;
    }

    private static int Number(string value, string name, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new CliUsageException($"{name} must be a whole number from {min:N0} to {max:N0}.");
}
