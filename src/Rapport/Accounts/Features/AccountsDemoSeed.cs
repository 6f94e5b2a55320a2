using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;

namespace Rapport.Accounts.Features;

/// <summary>A sign-in account for every demo person, all with the demo password.</summary>
internal sealed class AccountsDemoSeed : IDemoSeed
{
    public int Order => 20;

    public Task<bool> IsSeededAsync(IServiceProvider scope, CancellationToken ct) =>
        scope.GetRequiredService<RapportDb>().Set<RapportUser>().AnyAsync(ct);

    public async Task SeedAsync(DemoSeedContext context, IServiceProvider scope, CancellationToken ct)
    {
        var create = scope.GetRequiredService<CreateAccountHandler>();
        foreach (var person in DemoOrganisation.People)
        {
            var result = await create.HandleAsync(new CreateAccount(person.Email, person.Name, [person.Role], context.Password), ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {person.Email}: {result.Error.Detail}");
            }
        }
    }
}
