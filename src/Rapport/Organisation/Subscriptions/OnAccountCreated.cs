using Microsoft.EntityFrameworkCore;
using Rapport.Accounts.Contracts;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Subscriptions;

/// <summary>
/// Every account belongs to a person: an existing person with the same e-mail address is linked to
/// it, otherwise the person is added. Handling the same event twice changes nothing.
/// </summary>
internal sealed class OnAccountCreated(TimeProvider time) : IEventSubscriber
{
    public string Name => "organisation.on-account-created";

    public IReadOnlyCollection<string> EventTypes { get; } = [EventNames.Of<AccountCreated>()];

    public async Task HandleAsync(EventEnvelope envelope, IServiceProvider scope, CancellationToken ct)
    {
        var account = envelope.Payload<AccountCreated>();
        var db = scope.GetRequiredService<RapportDb>();
        var events = scope.GetRequiredService<EventLog>();
        var email = account.Email.Trim().ToLowerInvariant();

        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Email == email, ct);
        if (person is null)
        {
            person = new Person
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                DisplayName = account.DisplayName,
                Email = email,
                AccountId = account.AccountId,
                CreatedAt = time.GetUtcNow(),
            };
            db.Add(person);
            events.Append(new PersonAdded(person.Id, person.DisplayName, email, null, null, account.AccountId), "person", person.Id.ToString());
        }
        else if (person.AccountId is null)
        {
            person.AccountId = account.AccountId;
            person.Version++;
            events.Append(new PersonLinkedToAccount(person.Id, account.AccountId), "person", person.Id.ToString());
        }
    }
}
