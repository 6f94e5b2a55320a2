using Rapport.Platform.Events;

namespace Rapport.Organisation.Contracts;

[EventName("organisation.department-added")]
public sealed record DepartmentAdded(Guid DepartmentId, string Key, string Name, string Description) : IEvent;

[EventName("organisation.department-changed")]
public sealed record DepartmentChanged(Guid DepartmentId, string Name, string Description, bool Archived) : IEvent;

[EventName("organisation.team-added")]
public sealed record TeamAdded(Guid TeamId, Guid DepartmentId, string Key, string Name, string Description) : IEvent;

[EventName("organisation.team-changed")]
public sealed record TeamChanged(Guid TeamId, Guid DepartmentId, string Name, string Description, bool Archived) : IEvent;

[EventName("organisation.business-unit-added")]
public sealed record BusinessUnitAdded(Guid BusinessUnitId, string Key, string Name, string Description) : IEvent;

[EventName("organisation.business-unit-changed")]
public sealed record BusinessUnitChanged(Guid BusinessUnitId, string Name, string Description, bool Archived) : IEvent;

[EventName("organisation.person-added")]
public sealed record PersonAdded(Guid PersonId, string DisplayName, string Email, string? JobTitle, Guid? BusinessUnitId, Guid? AccountId) : IEvent;

[EventName("organisation.person-changed")]
public sealed record PersonChanged(Guid PersonId, string DisplayName, string Email, string? JobTitle, Guid? BusinessUnitId) : IEvent;

[EventName("organisation.person-linked-to-account")]
public sealed record PersonLinkedToAccount(Guid PersonId, Guid AccountId) : IEvent;

[EventName("organisation.person-joined-team")]
public sealed record PersonJoinedTeam(Guid PersonId, Guid TeamId, bool IsLead) : IEvent;

[EventName("organisation.person-left-team")]
public sealed record PersonLeftTeam(Guid PersonId, Guid TeamId) : IEvent;

/// <summary>A member of a team started or stopped leading it.</summary>
[EventName("organisation.team-lead-changed")]
public sealed record TeamLeadChanged(Guid PersonId, Guid TeamId, bool IsLead) : IEvent;
