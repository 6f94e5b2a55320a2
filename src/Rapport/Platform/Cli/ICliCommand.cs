namespace Rapport.Platform.Cli;

/// <summary>A command of the <c>rapport</c> executable, e.g. <c>rapport user create</c>.</summary>
public interface ICliCommand
{
    /// <summary>The words that name it: "user create".</summary>
    string Name { get; }

    /// <summary>Its options, as shown in the usage text: "--email E --role R [--name N]".</summary>
    string Arguments { get; }

    string Summary { get; }

    /// <summary>Runs the command; answers the process exit code.</summary>
    Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct);
}

/// <summary>Bad arguments: told in one line with the command's usage, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

public static class CliSetup
{
    public static IServiceCollection AddCliCommand<T>(this IServiceCollection services) where T : class, ICliCommand =>
        services.AddSingleton<ICliCommand, T>();
}
