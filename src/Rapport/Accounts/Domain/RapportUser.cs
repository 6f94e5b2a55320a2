using Microsoft.AspNetCore.Identity;

namespace Rapport.Accounts.Domain;

/// <summary>A sign-in account. The person behind it lives in Organisation.</summary>
public sealed class RapportUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class RapportRole : IdentityRole<Guid>;
