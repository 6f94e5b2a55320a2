using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Clocks.Contracts;
using Rapport.Clocks.Domain;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Clocks.Features;

/// <summary>Business minutes promised for one priority; null: nothing promised.</summary>
public sealed record PromiseTargetInput(string? Priority, int? FirstResponseMinutes, int? ResolutionMinutes);

/// <param name="Version">The version the editor read; <see cref="PromiseRules.NoneYet"/> when the service had no promise; null when not known.</param>
/// <param name="InputProblems">What was wrong already when the input was read (a number typed wrongly), by field.</param>
public sealed record SavePromise(
    Guid ServiceId, int? Version, string? Text, Guid? CalendarId, IReadOnlyList<PromiseTargetInput> Targets, bool PauseOnThirdParty,
    string? OnReopen, int? WarnAtPercent, IReadOnlyList<string?>? Escalations, int? MinHappiness, int? MaxLostMinutes,
    IReadOnlyDictionary<string, string>? InputProblems = null);

/// <summary>
/// Gives a service its promise or changes it: the text customers read, the time targets, the calendar
/// and what happens at a breach. Saved with a promise-saved event, after which the clocks of the
/// service's open tickets are replayed on the new terms.
/// </summary>
public sealed class SavePromiseHandler(RapportDb db, EventLog events, ICatalog catalog, TimeProvider time)
{
    public async Task<Result<ServicePromise>> HandleAsync(SavePromise command, CancellationToken ct)
    {
        if (await catalog.FindServiceAsync(command.ServiceId, ct) is null)
        {
            return PromiseRules.NoService(command.ServiceId);
        }

        var problems = new Problems();
        foreach (var (field, message) in command.InputProblems ?? new Dictionary<string, string>())
        {
            problems.Add(field, message);
        }

        var text = (command.Text ?? "").Trim();
        if (text.Length == 0)
        {
            problems.Add("text", "Write the promise as your customers should read it, e.g. “We answer within 2 working hours.”");
        }
        else if (text.Length > PromiseRules.TextMaxLength)
        {
            problems.Add("text", $"Keep the promise to {PromiseRules.TextMaxLength} characters: a promise nobody reads to the end is not kept.");
        }

        if (command.CalendarId is not { } calendarId || !await db.Set<BusinessCalendar>().AnyAsync(c => c.Id == calendarId, ct))
        {
            problems.Add("calendarId", "Choose the calendar the promise counts working time on.");
        }

        var targets = Targets(command.Targets, problems);
        var onReopen = (command.OnReopen ?? ReopenRules.Continue).Trim();
        if (!ReopenRules.All.Contains(onReopen))
        {
            problems.Add("onReopen", $"Choose what a reopened ticket's clock does: {string.Join(" or ", ReopenRules.All)}.");
        }

        if (command.WarnAtPercent is not (>= 1 and <= 99))
        {
            problems.Add("warnAtPercent", "Warn at a share of the target from 1 to 99 %, e.g. 80.");
        }

        var escalations = (command.Escalations ?? []).Select(e => (e ?? "").Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (escalations.FirstOrDefault(e => !EscalationActions.All.Contains(e)) is { } unknown)
        {
            problems.Add("escalations", $"“{unknown}” is not an escalation; choose from {string.Join(", ", EscalationActions.All)}.");
        }

        if (command.MinHappiness is < 0 or > 10)
        {
            problems.Add("minHappiness", "The least happiness is a score from 0 to 10, or empty for no target.");
        }

        if (command.MaxLostMinutes is < 0 or > PromiseRules.MaxMinutes)
        {
            problems.Add("maxLostMinutes", "The most time lost is a number of minutes (at most a year), or empty for no target.");
        }

        var promise = await db.Set<ServicePromise>().SingleOrDefaultAsync(p => p.ServiceId == command.ServiceId, ct);
        if (promise is not null && command.Version is null)
        {
            problems.Add("version", "This service has a promise already: send the version you read, so that nobody's change is lost.");
        }

        if (problems.Any)
        {
            return problems.ToError();
        }

        var now = time.GetUtcNow();
        if (promise is null)
        {
            promise = new ServicePromise { Id = Guid.CreateVersion7(now), ServiceId = command.ServiceId, Text = text, Version = 1 };
            db.Add(promise);
        }
        else if (promise.Version != command.Version)
        {
            return new ConcurrentEdit(PromiseRules.What);
        }
        else if (Unchanged(promise, command, text, targets, onReopen, escalations))
        {
            return promise;
        }
        else
        {
            promise.Version++;
        }

        promise.Text = text;
        promise.CalendarId = command.CalendarId!.Value;
        promise.Targets = targets;
        promise.PauseOnThirdParty = command.PauseOnThirdParty;
        promise.OnReopen = onReopen;
        promise.WarnAtPercent = command.WarnAtPercent!.Value;
        promise.Escalations = escalations;
        promise.MinHappiness = command.MinHappiness;
        promise.MaxLostMinutes = command.MaxLostMinutes;
        promise.UpdatedAt = now;
        events.Append(new ServicePromiseSaved(promise.Id, promise.ServiceId, promise.CalendarId, promise.Targets.Count, promise.OnReopen, promise.PauseOnThirdParty),
            PromiseRules.PromiseCase, promise.Id.ToString());
        var saved = promise;
        return await db.SaveOrConflictAsync(PromiseRules.What, ct, async () =>
            await db.Set<ServicePromise>().AnyAsync(p => p.ServiceId == command.ServiceId, ct) ? new ConcurrentEdit(PromiseRules.What) : null) is { } failed
            ? failed
            : saved;
    }

    /// <summary>The targets in priority order; a priority with neither target promises nothing and is left out.</summary>
    private static List<PromiseTarget> Targets(IReadOnlyList<PromiseTargetInput> inputs, Problems problems)
    {
        var targets = new List<PromiseTarget>();
        foreach (var input in inputs)
        {
            var priority = (input.Priority ?? "").Trim();
            if (!PromisePriorities.All.Contains(priority))
            {
                problems.Add("targets", $"“{priority}” is not a priority; use {string.Join(", ", PromisePriorities.All)}.");
                continue;
            }

            if (targets.Any(t => t.Priority == priority))
            {
                problems.Add("targets", $"Give the {priority} priority's targets once.");
                continue;
            }

            foreach (var (minutes, field) in new[] { (input.FirstResponseMinutes, "firstResponse"), (input.ResolutionMinutes, "resolution") })
            {
                if (minutes is < 1 or > PromiseRules.MaxMinutes)
                {
                    problems.Add($"targets.{priority}.{field}", $"A {priority} {(field == "firstResponse" ? "first response" : "resolution")} target is at least 1 minute and at most a year; leave it empty to promise none.");
                }
            }

            if (input is { FirstResponseMinutes: { } first, ResolutionMinutes: { } resolution } && resolution < first)
            {
                problems.Add($"targets.{priority}.resolution", $"For {priority} priority the solution cannot be promised sooner than the first answer.");
            }

            if (input.FirstResponseMinutes is not null || input.ResolutionMinutes is not null)
            {
                targets.Add(new PromiseTarget(priority, input.FirstResponseMinutes, input.ResolutionMinutes));
            }
        }

        if (targets.Count == 0 && !problems.Any)
        {
            problems.Add("targets", "Promise at least one time, e.g. a first response within 8 hours for medium priority.");
        }

        return [.. targets.OrderBy(t => PromisePriorities.All.ToList().IndexOf(t.Priority))];
    }

    private static bool Unchanged(ServicePromise p, SavePromise c, string text, List<PromiseTarget> targets, string onReopen, List<string> escalations) =>
        p.Text == text && p.CalendarId == c.CalendarId && p.Targets.SequenceEqual(targets) && p.PauseOnThirdParty == c.PauseOnThirdParty
        && p.OnReopen == onReopen && p.WarnAtPercent == c.WarnAtPercent && p.Escalations.SequenceEqual(escalations, StringComparer.Ordinal)
        && p.MinHappiness == c.MinHappiness && p.MaxLostMinutes == c.MaxLostMinutes;
}

/// <summary>Takes a service's promise away: its tickets keep no clocks from then on.</summary>
public sealed class RemovePromiseHandler(RapportDb db, EventLog events)
{
    public async Task<Result<ServicePromise>> HandleAsync(Guid serviceId, int? version, CancellationToken ct)
    {
        var promise = await db.Set<ServicePromise>().SingleOrDefaultAsync(p => p.ServiceId == serviceId, ct);
        if (promise is null)
        {
            return PromiseRules.NoPromise(serviceId);
        }

        if (version is { } expected && promise.Version != expected)
        {
            return new ConcurrentEdit(PromiseRules.What);
        }

        db.Remove(promise);
        events.Append(new ServicePromiseRemoved(promise.Id, promise.ServiceId), PromiseRules.PromiseCase, promise.Id.ToString());
        return await db.SaveOrConflictAsync(PromiseRules.What, ct) is { } failed ? failed : promise;
    }
}

public static class PromiseRules
{
    public const string What = "This promise";

    /// <summary>The version an editor sends when the service had no promise when they started.</summary>
    public const int NoneYet = -1;

    public const int TextMaxLength = 2000;

    /// <summary>A year of minutes: longer targets are typing mistakes.</summary>
    public const int MaxMinutes = 525_600;

    /// <summary>The stream of a promise in the event log.</summary>
    public const string PromiseCase = "promise";

    public static NotFoundError NoService(Guid serviceId) =>
        new("clocks.service-not-found", $"There is no service {serviceId}. It may have been removed; go back to the catalog.");

    public static NotFoundError NoPromise(Guid serviceId) =>
        new("clocks.promise-not-found", $"Service {serviceId} has no promise (any more).");
}
