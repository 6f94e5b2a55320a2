namespace Rapport.Platform.Cli;

/// <summary>The options after a command's name: <c>--email a@b.c --demo</c>.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                Positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            if (!_options.TryAdd(name, value))
            {
                throw new CliUsageException($"--{name} is given twice.");
            }
        }
    }

    public List<string> Positionals { get; } = [];

    public string Required(string name)
    {
        var value = Optional(name);
        return string.IsNullOrWhiteSpace(value) ? throw new CliUsageException($"--{name} is required.") : value;
    }

    public string? Optional(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var value) ? value : null;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var value) && value is null or "true";
    }

    /// <summary>Fails on options the command did not ask for, so typos do not pass silently.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}.");
        }

        if (Positionals.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{Positionals[0]}'.");
        }
    }
}
