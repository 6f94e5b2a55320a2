using System.Globalization;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Mail;

/// <summary>Rapport with real mail servers beside it, sending through their SMTP.</summary>
public abstract class MailServerApp : RapportApp, IAsyncLifetime
{
    private MailServers? _servers;

    public MailServers Servers => _servers ??= new MailServers();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = Servers.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:SmtpSecurity"] = "none",
        ["Mail:MessageIdDomain"] = "desk.example.org",
    };

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _servers?.Dispose();
    }
}

public sealed class SqliteMailApp : MailServerApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresMailApp : MailServerApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
