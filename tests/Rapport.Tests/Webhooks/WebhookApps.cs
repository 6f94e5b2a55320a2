using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Webhooks;

/// <summary>
/// Rapport for webhook tests: the sender is driven by the test (<see cref="WebhookIntents.SendWebhooksAsync"/>),
/// and receivers on this machine's loopback may be reached.
/// </summary>
public abstract class WebhookApp : RapportApp
{
    protected virtual bool AllowPrivateAddresses => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateAddresses"] = AllowPrivateAddresses ? "true" : "false",
        ["Webhooks:Send"] = "false",
    };
}

public sealed class WebhookSqliteApp : WebhookApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class WebhookPostgresApp : WebhookApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}

/// <summary>As installed by default: private, loopback and link-local addresses are refused.</summary>
public sealed class StrictWebhookSqliteApp : WebhookApp
{
    protected override bool AllowPrivateAddresses => false;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class StrictWebhookPostgresApp : WebhookApp
{
    protected override bool AllowPrivateAddresses => false;

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
