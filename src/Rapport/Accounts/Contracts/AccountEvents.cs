using Rapport.Platform.Events;

namespace Rapport.Accounts.Contracts;

[EventName("accounts.account-created")]
public sealed record AccountCreated(Guid AccountId, string Email, string DisplayName, IReadOnlyList<string> Roles) : IEvent;

[EventName("accounts.roles-changed")]
public sealed record AccountRolesChanged(Guid AccountId, IReadOnlyList<string> Roles) : IEvent;

[EventName("accounts.account-locked")]
public sealed record AccountLocked(Guid AccountId, string Reason) : IEvent;

[EventName("accounts.account-unlocked")]
public sealed record AccountUnlocked(Guid AccountId) : IEvent;

[EventName("accounts.password-reset")]
public sealed record AccountPasswordReset(Guid AccountId) : IEvent;

[EventName("accounts.signed-in")]
public sealed record AccountSignedIn(Guid AccountId) : IEvent;

[EventName("accounts.sign-in-failed")]
public sealed record AccountSignInFailed(Guid AccountId, bool LockedOut) : IEvent;

[EventName("accounts.api-token-created")]
public sealed record ApiTokenCreated(Guid AccountId, Guid TokenId, string Name, string Hint) : IEvent;

[EventName("accounts.api-token-revoked")]
public sealed record ApiTokenRevoked(Guid AccountId, Guid TokenId) : IEvent;
