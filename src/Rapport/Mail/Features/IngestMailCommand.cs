using Microsoft.EntityFrameworkCore;
using Rapport.Mail.Domain;
using Rapport.Platform.Cli;
using Rapport.Platform.Database;

namespace Rapport.Mail.Features;

/// <summary>
/// <c>rapport mail ingest FILE… [--mailbox NAME]</c>: pushes .eml files through the inbound path,
/// e.g. to import an archive, and prints what became of each.
/// </summary>
internal sealed class IngestMailCommand : ICliCommand
{
    public string Name => "mail ingest";

    public string Arguments => "FILE… [--mailbox NAME]";

    public string Summary => "take .eml files in as if they had arrived by mail; prints per file the ticket it created or joined, duplicate, ignored or quarantined with the reason";

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var mailboxName = args.Optional("mailbox");

        // The files are the command's arguments, not strays.
        var files = args.Positionals.ToList();
        args.Positionals.Clear();
        args.RejectUnknown();
        if (files.Count == 0)
        {
            throw new CliUsageException("name at least one .eml file.");
        }

        Guid? mailboxId = null;
        if (mailboxName is not null)
        {
            await using var lookup = services.CreateAsyncScope();
            mailboxId = await lookup.ServiceProvider.GetRequiredService<RapportDb>().Set<Mailbox>()
                .Where(b => b.Name == mailboxName).Select(b => (Guid?)b.Id).SingleOrDefaultAsync(ct);
            if (mailboxId is null)
            {
                await Console.Error.WriteLineAsync($"rapport mail ingest: there is no mailbox called {mailboxName}.");
                return RapportCommandLine.Failed;
            }
        }

        foreach (var path in files)
        {
            if (!File.Exists(path))
            {
                await output.WriteLineAsync($"{path}: not found");
                continue;
            }

            await using var scope = services.CreateAsyncScope();
            await using var file = File.OpenRead(path);
            var intake = await scope.ServiceProvider.GetRequiredService<ReceiveMail>().ReceiveAsync(file, mailboxId, ct);
            await output.WriteLineAsync($"{path}: {intake}");
        }

        return 0;
    }
}
