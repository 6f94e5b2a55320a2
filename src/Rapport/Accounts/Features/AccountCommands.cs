using Rapport.Accounts.Contracts;
using Rapport.Platform;
using Rapport.Platform.Cli;
using Rapport.Platform.Errors;

namespace Rapport.Accounts.Features;

/// <summary><c>rapport user create --email E --role R [--name N]</c>: prints the generated password once.</summary>
internal sealed class CreateUserCommand : ICliCommand
{
    public string Name => "user create";

    public string Arguments => "--email E --role R [--name \"Full Name\"]";

    public string Summary => $"create a sign-in account and print its generated password once; roles: {string.Join(", ", RapportRoles.All)}";

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var email = args.Required("email");
        var role = args.Required("role");
        var name = args.Optional("name") ?? "";
        args.RejectUnknown();
        if (!RapportRoles.All.Contains(role))
        {
            throw new CliUsageException($"unknown role '{role}'; choose one of {string.Join(", ", RapportRoles.All)}.");
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateAccountHandler>()
            .HandleAsync(new CreateAccount(email, name, [role]), ct);
        return await CliResults.ReportAsync(result, output, created =>
            $"Created {created.Email} ({RapportRoles.Label(role)}).\nPassword (shown once): {created.GeneratedPassword}");
    }
}

/// <summary><c>rapport token create --email E --name N</c>: prints the API token once.</summary>
internal sealed class CreateTokenCommand : ICliCommand
{
    public string Name => "token create";

    public string Arguments => "--email E --name N";

    public string Summary => "create an API token for an account and print it once (use it as 'Authorization: Bearer …')";

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var email = args.Required("email");
        var name = args.Required("name");
        args.RejectUnknown();

        await using var scope = services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().FindByEmailAsync(email, ct);
        if (account is null)
        {
            await Console.Error.WriteLineAsync($"rapport token create: no account for {email}. Create it first with 'rapport user create'.");
            return RapportCommandLine.Failed;
        }

        var result = await scope.ServiceProvider.GetRequiredService<IssueApiTokenHandler>()
            .HandleAsync(new IssueApiToken(account.Id, name), ct);
        return await CliResults.ReportAsync(result, output, token =>
            $"Created the token '{token.Name}' for {account.Email}.\nToken (shown once): {token.Secret}");
    }
}

internal static class CliResults
{
    public static async Task<int> ReportAsync<T>(Result<T> result, TextWriter output, Func<T, string> success)
    {
        if (result.Succeeded)
        {
            await output.WriteLineAsync(success(result.Value));
            return RapportCommandLine.Ok;
        }

        await Console.Error.WriteLineAsync($"rapport: {result.Error.Detail}");
        return result.Error is Invalid ? RapportCommandLine.BadArguments : RapportCommandLine.Failed;
    }
}
