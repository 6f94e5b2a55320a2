using Rapport.Platform.Errors;

namespace Rapport.Organisation.Domain;

/// <summary>A name, key or e-mail address that something else has already: a conflict, told next to its field.</summary>
public sealed record AlreadyTaken(string Field, string Detail) : ConflictError("organisation.already-taken", Detail);
