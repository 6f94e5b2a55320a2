using Microsoft.EntityFrameworkCore;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <param name="Id">Null to add a rule.</param>
/// <param name="ExpectedVersion">The version the editor loaded; null when adding.</param>
public sealed record SaveRoutingRule(
    Guid? Id, int? ExpectedVersion, string? Name, Guid? TeamId, string? Assignment, bool IsEnabled, RoutingConditions Conditions);

/// <summary>An administrator's routing rules: add, change, reorder, switch off, remove. Each change is an event.</summary>
public sealed class ManageRoutingRules(RapportDb db, EventLog events, IOrganisationDirectory organisation, TimeProvider time)
{
    public async Task<IReadOnlyList<RoutingRule>> ListAsync(CancellationToken ct) =>
        await db.Set<RoutingRule>().AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.CreatedAt).ToListAsync(ct);

    public async Task<Result<RoutingRule>> SaveAsync(SaveRoutingRule command, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = command.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors["name"] = ["Give the rule a name of 1 to 100 characters, e.g. \"Payslips to Payroll\"."];
        }

        var team = command.TeamId is { } teamId ? (await organisation.ListTeamsAsync(ct)).SingleOrDefault(t => t.Id == teamId) : null;
        if (team is null)
        {
            errors["teamId"] = ["Choose the team that gets the tickets."];
        }

        var assignment = command.Assignment ?? RoutingAssignments.None;
        if (!RoutingAssignments.All.Contains(assignment))
        {
            errors["assignment"] = ["Choose how an agent is picked: none, round-robin or least-loaded."];
        }

        var unknownType = command.Conditions.Types.FirstOrDefault(t => !TicketTypes.All.Contains(t));
        if (unknownType is not null)
        {
            errors["types"] = [$"'{unknownType}' is not a ticket type."];
        }

        if (errors.Count > 0)
        {
            return new Invalid("tickets.invalid-rule", "The rule has fields to correct.", errors);
        }

        var conditions = Clean(command.Conditions);
        RoutingRule rule;
        if (command.Id is { } id)
        {
            var existing = await db.Set<RoutingRule>().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (existing is null)
            {
                return new NotFoundError("tickets.rule-not-found", "That routing rule does not exist any more.");
            }

            if (command.ExpectedVersion is { } version && version != existing.Version)
            {
                return new ConcurrentEdit($"The rule \"{existing.Name}\"");
            }

            rule = existing;
            rule.Name = name;
            rule.TeamId = team!.Id;
            rule.Assignment = assignment;
            rule.IsEnabled = command.IsEnabled;
            rule.Conditions = conditions;
            rule.Version++;
        }
        else
        {
            var last = await db.Set<RoutingRule>().MaxAsync(r => (int?)r.Position, ct) ?? 0;
            rule = new RoutingRule
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                Name = name,
                Position = last + 1,
                TeamId = team!.Id,
                Assignment = assignment,
                IsEnabled = command.IsEnabled,
                Conditions = conditions,
                CreatedAt = time.GetUtcNow(),
            };
            db.Add(rule);
        }

        Record(rule);
        return await SaveChangesAsync(rule, ct);
    }

    /// <summary>Moves a rule one place up (earlier) or down (later) by swapping with its neighbour.</summary>
    public async Task<Result<RoutingRule>> MoveAsync(Guid id, bool up, CancellationToken ct)
    {
        var rules = await db.Set<RoutingRule>().OrderBy(r => r.Position).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        var index = rules.FindIndex(r => r.Id == id);
        if (index < 0)
        {
            return new NotFoundError("tickets.rule-not-found", "That routing rule does not exist any more.");
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= rules.Count)
        {
            return rules[index];
        }

        // Renumber everything so positions stay 1..n even after removals.
        (rules[index], rules[other]) = (rules[other], rules[index]);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Position != i + 1)
            {
                rules[i].Position = i + 1;
                rules[i].Version++;
                Record(rules[i]);
            }
        }

        return await SaveChangesAsync(rules[other], ct);
    }

    public async Task<Result<RoutingRule>> RemoveAsync(Guid id, CancellationToken ct)
    {
        var rule = await db.Set<RoutingRule>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return new NotFoundError("tickets.rule-not-found", "That routing rule does not exist any more.");
        }

        db.Remove(rule);
        events.Append(new RoutingRuleRemoved(rule.Id, rule.Name), "routing-rule", rule.Id.ToString());
        return await SaveChangesAsync(rule, ct);
    }

    private void Record(RoutingRule rule) =>
        events.Append(new RoutingRuleSaved(rule.Id, rule.Name, rule.Position, rule.IsEnabled, rule.TeamId, rule.Assignment), "routing-rule", rule.Id.ToString());

    private async Task<Result<RoutingRule>> SaveChangesAsync(RoutingRule rule, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return rule;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConcurrentEdit($"The rule \"{rule.Name}\"");
        }
    }

    private static RoutingConditions Clean(RoutingConditions c) => new()
    {
        ServiceIds = [.. c.ServiceIds.Distinct()],
        Types = [.. c.Types.Distinct()],
        BusinessUnitIds = [.. c.BusinessUnitIds.Distinct()],
        SubjectWords = [.. c.SubjectWords.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
        Answers = c.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Key) && !string.IsNullOrWhiteSpace(a.Value))
            .ToDictionary(a => a.Key.Trim(), a => a.Value.Trim(), StringComparer.Ordinal),
    };
}
