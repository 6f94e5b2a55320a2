using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <param name="Key">Optional: made from the department's key and the team's name when left empty ("it-service-desk").</param>
public sealed record AddTeam(Guid? DepartmentId, string? Name, string? Key, string? Description);

public sealed class AddTeamHandler(RapportDb db, EventLog events, TimeProvider time)
{
    public async Task<Result<Team>> HandleAsync(AddTeam command, CancellationToken ct)
    {
        var check = new InputCheck();
        var name = check.Required("name", command.Name, InputCheck.NameMaxLength, "Give the team a name, e.g. \"Service Desk\".");
        var key = string.IsNullOrWhiteSpace(command.Key) ? null : check.Key(command.Key, name);
        var description = check.Optional("description", command.Description, InputCheck.DescriptionMaxLength);
        if (check.Failed)
        {
            return check.Error;
        }

        var (department, badDepartment) = await TeamRules.FindDepartmentAsync(db, command.DepartmentId, ct);
        if (badDepartment is not null)
        {
            return badDepartment;
        }

        // Teams of different departments are often named alike ("Service Desk"); their keys are unique everywhere.
        key ??= check.Key(null, $"{department!.Key} {name}");
        if (check.Failed)
        {
            return check.Error;
        }

        var departmentId = department!.Id;
        if (await TeamRules.FindClashAsync(db, null, departmentId, name, key, ct) is { } clash)
        {
            return clash;
        }

        var now = time.GetUtcNow();
        var team = new Team { Id = Guid.CreateVersion7(now), DepartmentId = departmentId, Key = key, Name = name, Description = description, CreatedAt = now };
        db.Add(team);
        events.Append(new TeamAdded(team.Id, departmentId, key, name, description), "team", team.Id.ToString());
        var failed = await db.SaveOrConflictAsync(TeamRules.What, ct, () => TeamRules.FindClashAsync(db, null, departmentId, name, key, ct));
        return failed is null ? team : failed;
    }
}
