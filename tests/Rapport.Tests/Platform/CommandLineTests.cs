using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

/// <summary>The real <c>rapport</c> executable, run as a process against the test database.</summary>
public abstract partial class CommandLineTests(RapportApp app)
{
    private async Task<(int ExitCode, string Output, string Error)> RapportAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = app.Database.DataDirectory,
        };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Rapport__DataDirectory"] = app.Database.DataDirectory;
        info.Environment["Rapport__Database__Provider"] = app.Database.Provider;
        info.Environment["ConnectionStrings__Rapport"] = app.Database.ConnectionString;
        info.Environment["Rapport__Demo__Seed"] = "false";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"Password \(shown once\): (\S+)")]
    private static partial Regex PasswordLine();

    [GeneratedRegex(@"Token \(shown once\): (rpt_\S+)")]
    private static partial Regex TokenLine();

    [Fact]
    public async Task UserCreate_ThenTokenCreate_GivesATokenThatOpensTheApiAsThatUser()
    {
        var email = $"cli-{Guid.NewGuid():N}@example.org";

        var user = await RapportAsync("user", "create", "--email", email, "--role", "agent", "--name", "Cleo Line");
        Assert.Equal(0, user.ExitCode);
        Assert.Matches(PasswordLine(), user.Output);

        var token = await RapportAsync("token", "create", "--email", email, "--name", "ci");
        Assert.Equal(0, token.ExitCode);
        var secret = TokenLine().Match(token.Output).Groups[1].Value;

        var client = app.AnonymousClient(followRedirects: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal("Cleo Line", me.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task UserCreate_GeneratedPassword_SignsIn()
    {
        var email = $"cli-{Guid.NewGuid():N}@example.org";
        var user = await RapportAsync("user", "create", "--email", email, "--role", "requester");
        var password = PasswordLine().Match(user.Output).Groups[1].Value;

        var client = app.AnonymousClient(followRedirects: false);
        var response = await client.SubmitFormAsync("/signin", "form", new() { ["Input.Email"] = email, ["Input.Password"] = password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rapport.auth=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "user", "create", "--email", "nobody@example.org" }, "--role is required")]
    [InlineData(new[] { "user", "create", "--email", "not-an-address", "--role", "agent" }, "is not an e-mail address")]
    [InlineData(new[] { "user", "create", "--email", "a@example.org", "--role", "king" }, "unknown role 'king'")]
    [InlineData(new[] { "user", "create", "--email", "a@example.org", "--role", "agent", "--colour", "red" }, "unknown option --colour")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "seed" }, "--demo")]
    public async Task BadArguments_OneLineError_ExitCode2_NoStackTrace(string[] args, string message)
    {
        var result = await RapportAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCreate_ForUnknownAccount_FailsWithExitCode1()
    {
        var result = await RapportAsync("token", "create", "--email", "ghost@example.org", "--name", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no account for ghost@example.org", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserCreate_Twice_SecondIsRefusedAndChangesNothing()
    {
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        Assert.Equal(0, (await RapportAsync("user", "create", "--email", email, "--role", "agent")).ExitCode);

        var second = await RapportAsync("user", "create", "--email", email, "--role", "administrator");

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("exists already", second.Error, StringComparison.Ordinal);
        Assert.Single(await app.EventsAsync("accounts.account-created"), e => e.Payload.Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_OnACurrentDatabase_SaysSo()
    {
        var result = await RapportAsync("migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("up to date", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var result = await RapportAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "serve", "migrate", "seed --demo", "user create", "token create" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }
}

public sealed class CommandLineTests_Sqlite(SqliteApp app) : CommandLineTests(app), IClassFixture<SqliteApp>;

public sealed class CommandLineTests_Postgres(PostgresApp app) : CommandLineTests(app), IClassFixture<PostgresApp>;
