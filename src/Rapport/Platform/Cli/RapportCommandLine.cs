using System.Globalization;
using System.Text;
using Rapport.Platform.Database;

namespace Rapport.Platform.Cli;

/// <summary>
/// The <c>rapport</c> executable: <c>serve</c> (the default) or one of the modules' commands.
/// Errors are one line; exit codes are 0 (done), 1 (failed), 2 (bad arguments).
/// </summary>
public static class RapportCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    /// <param name="args">The process arguments.</param>
    /// <param name="build">Builds the application; the flag says whether it runs a command rather than serving.</param>
    public static async Task<int> RunAsync(string[] args, Func<string[], bool, WebApplication> build)
    {
        if (args is ["--help"] or ["-h"] or ["-?"])
        {
            args = ["help"];
        }

        if (args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve")
        {
            return await ServeAsync(args is ["serve", ..] ? args[1..] : args, build);
        }

        WebApplication app;
        try
        {
            app = build([], true);
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync($"rapport: {ex.Message}");
            return Failed;
        }

        await using (app)
        {
            var commands = app.Services.GetServices<ICliCommand>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            if (args[0] is "help")
            {
                await Console.Out.WriteAsync(Usage(commands));
                return Ok;
            }

            var command = commands
                .Where(c => Matches(c.Name, args))
                .MaxBy(c => c.Name.Length);
            if (command is null)
            {
                await Console.Error.WriteLineAsync($"rapport: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'. Run 'rapport help' for the list.");
                return BadArguments;
            }

            var rest = args[command.Name.Split(' ').Length..];
            if (rest is ["--help"] or ["-h"])
            {
                await Console.Out.WriteLineAsync($"usage: rapport {command.Name} {command.Arguments}\n  {command.Summary}");
                return Ok;
            }

            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            try
            {
                var cliArgs = new CliArguments(rest);
                if (command is not MigrateCommand && app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RapportOptions>>().Value.Database.MigrateOnStart)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancel.Token);
                }

                return await command.RunAsync(cliArgs, app.Services, Console.Out, cancel.Token);
            }
            catch (CliUsageException ex)
            {
                await Console.Error.WriteLineAsync($"rapport {command.Name}: {ex.Message}\nusage: rapport {command.Name} {command.Arguments}");
                return BadArguments;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"rapport {command.Name}: cancelled.");
                return Failed;
            }
            catch (Exception ex)
            {
                await Console.Error.WriteLineAsync($"rapport {command.Name}: {ex.GetBaseException().Message}");
                return Failed;
            }
        }
    }

    private static async Task<int> ServeAsync(string[] args, Func<string[], bool, WebApplication> build)
    {
        try
        {
            var app = build(args, false);
            await app.RunAsync();
            return Ok;
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync($"rapport: {ex.Message}");
            return Failed;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"rapport: invalid configuration: {string.Join(" ", ex.Failures)}");
            return Failed;
        }
        catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"rapport: {ex.Message} Choose another with --urls http://127.0.0.1:PORT.");
            return Failed;
        }
    }

    private static bool Matches(string name, string[] args)
    {
        var words = name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => w == args[i]).All(b => b);
    }

    public static string Usage(IEnumerable<ICliCommand> commands)
    {
        var text = new StringBuilder();
        text.AppendLine("usage: rapport [command] [options]");
        text.AppendLine();
        text.AppendLine("  serve [--urls URLS]   run the web server (the default); e.g. --urls http://0.0.0.0:8080");
        foreach (var command in commands)
        {
            text.AppendLine($"  {command.Name} {command.Arguments}".TrimEnd());
            text.AppendLine(CultureInfo.InvariantCulture, $"      {command.Summary}");
        }

        text.AppendLine("  help                  this text");
        text.AppendLine();
        text.AppendLine("Settings come from appsettings.json and Rapport__… environment variables (see README.md).");
        return text.ToString();
    }
}
