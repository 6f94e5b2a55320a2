using Rapport.Bench.Features;
using Rapport.Platform.Cli;

namespace Rapport.Bench;

/// <summary>The benchmark's data generator (<c>rapport bench generate</c>); the load runner lives in bench/.</summary>
public static class BenchModule
{
    public static IHostApplicationBuilder AddBench(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BenchDataGenerator>();
        builder.Services.AddCliCommand<GenerateBenchDataCommand>();
        return builder;
    }
}
