using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Organisation.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Organisation.Features;

/// <summary>Renames a team, changes its description, or moves it to another department.</summary>
/// <param name="Version">The version the editor started from: a newer stored one means someone else saved first.</param>
public sealed record EditTeam(Guid Id, int Version, Guid? DepartmentId, string? Name, string? Description);

public sealed class EditTeamHandler(RapportDb db, EventLog events)
{
    public async Task<Result<Team>> HandleAsync(EditTeam command, CancellationToken ct)
    {
        var check = new InputCheck();
        var name = check.Required("name", command.Name, InputCheck.NameMaxLength, "Give the team a name, e.g. \"Service Desk\".");
        var description = check.Optional("description", command.Description, InputCheck.DescriptionMaxLength);
        if (check.Failed)
        {
            return check.Error;
        }

        var team = await db.Set<Team>().SingleOrDefaultAsync(t => t.Id == command.Id, ct);
        if (team is null)
        {
            return TeamRules.NotFound;
        }

        if (team.Version != command.Version)
        {
            return new ConcurrentEdit(TeamRules.What);
        }

        var departmentId = command.DepartmentId ?? team.DepartmentId;
        if (team.Name == name && team.Description == description && team.DepartmentId == departmentId)
        {
            return team;
        }

        if (departmentId != team.DepartmentId && (await TeamRules.FindDepartmentAsync(db, departmentId, ct)).Error is { } badDepartment)
        {
            return badDepartment;
        }

        if (await TeamRules.FindClashAsync(db, team.Id, departmentId, name, null, ct) is { } clash)
        {
            return clash;
        }

        team.DepartmentId = departmentId;
        team.Name = name;
        team.Description = description;
        team.Version++;
        events.Append(new TeamChanged(team.Id, departmentId, name, description, team.ArchivedAt is not null), "team", team.Id.ToString());
        var failed = await db.SaveOrConflictAsync(TeamRules.What, ct);
        return failed is null ? team : failed;
    }
}
