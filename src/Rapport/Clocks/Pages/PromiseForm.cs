using Rapport.Clocks.Contracts;
using System.Globalization;
using Rapport.Clocks.Domain;
using Rapport.Clocks.Features;

namespace Rapport.Clocks.Pages;

/// <summary>The promise editor's values as typed: times in hours and minutes, numbers as written.</summary>
public sealed record PromiseForm(
    string Text, string CalendarId, IReadOnlyDictionary<string, string> Times, bool PauseOnThirdParty, string OnReopen, string WarnAtPercent,
    IReadOnlyList<string> Escalations, string MinHappiness, string MaxLostMinutes)
{
    public static readonly IReadOnlyList<string> Clocks = ["firstResponse", "resolution"];

    /// <summary>The input of a target's hours or minutes: "high-resolution-hours".</summary>
    public static string TimeField(string priority, string clock, string unit) => $"{priority}-{clock}-{unit}";

    public static PromiseForm Of(ServicePromise? promise, Guid? calendarId)
    {
        var times = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var target in promise?.Targets ?? [])
        {
            Put(times, target.Priority, "firstResponse", target.FirstResponseMinutes);
            Put(times, target.Priority, "resolution", target.ResolutionMinutes);
        }

        return promise is null
            ? new PromiseForm("", calendarId?.ToString() ?? "", times, false, ReopenRules.Continue, "80", [EscalationActions.NotifyTeamLead], "", "")
            : new PromiseForm(promise.Text, promise.CalendarId.ToString(), times, promise.PauseOnThirdParty, promise.OnReopen,
                promise.WarnAtPercent.ToString(CultureInfo.InvariantCulture), promise.Escalations,
                promise.MinHappiness?.ToString(CultureInfo.InvariantCulture) ?? "", promise.MaxLostMinutes?.ToString(CultureInfo.InvariantCulture) ?? "");
    }

    public static PromiseForm Read(IFormCollection form)
    {
        var times = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var priority in PromisePriorities.All)
        {
            foreach (var clock in Clocks)
            {
                foreach (var unit in new[] { "hours", "minutes" })
                {
                    times[TimeField(priority, clock, unit)] = form[TimeField(priority, clock, unit)].ToString().Trim();
                }
            }
        }

        return new PromiseForm(
            form["text"].ToString(), form["calendarId"].ToString(), times, form["pauseOnThirdParty"] == "true", form["onReopen"].ToString(),
            form["warnAtPercent"].ToString().Trim(), [.. form["escalations"].OfType<string>()], form["minHappiness"].ToString().Trim(), form["maxLostMinutes"].ToString().Trim());
    }

    public string Time(string priority, string clock, string unit) => Times.GetValueOrDefault(TimeField(priority, clock, unit)) ?? "";

    /// <summary>The command for these values; a number typed wrongly is named by its field.</summary>
    public SavePromise ToCommand(Guid serviceId, int? version)
    {
        var problems = new Dictionary<string, string>();
        var targets = new List<PromiseTargetInput>();
        foreach (var priority in PromisePriorities.All)
        {
            int? Minutes(string clock)
            {
                var hours = Time(priority, clock, "hours");
                var minutes = Time(priority, clock, "minutes");
                if (hours.Length == 0 && minutes.Length == 0)
                {
                    return null;
                }

                if (Whole(hours.Length == 0 ? "0" : hours) is { } h && Whole(minutes.Length == 0 ? "0" : minutes) is { } m && h <= PromiseRules.MaxMinutes / 60)
                {
                    return (h * 60) + m;
                }

                problems[$"targets.{priority}.{clock}"] = $"Give the {priority} {(clock == "firstResponse" ? "first response" : "resolution")} target in whole hours and minutes, e.g. 4 and 30.";
                return null;
            }

            targets.Add(new PromiseTargetInput(priority, Minutes("firstResponse"), Minutes("resolution")));
        }

        int? Number(string typed, string field, string message)
        {
            if (typed.Length == 0)
            {
                return null;
            }

            if (Whole(typed) is { } value)
            {
                return value;
            }

            problems[field] = message;
            return null;
        }

        var warnAt = Number(WarnAtPercent, "warnAtPercent", "Warn at a share of the target from 1 to 99 %, e.g. 80.");
        var happiness = Number(MinHappiness, "minHappiness", "The least happiness is a score from 0 to 10, or empty for no target.");
        var lost = Number(MaxLostMinutes, "maxLostMinutes", "The most time lost is a number of minutes, or empty for no target.");
        return new SavePromise(
            serviceId, version, Text, Guid.TryParse(CalendarId, out var calendar) ? calendar : null, targets, PauseOnThirdParty, OnReopen,
            warnAt, Escalations, happiness, lost, problems);
    }

    private static int? Whole(string typed) =>
        int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= PromiseRules.MaxMinutes ? value : null;

    private static void Put(Dictionary<string, string> times, string priority, string clock, int? minutes)
    {
        if (minutes is { } total)
        {
            times[TimeField(priority, clock, "hours")] = (total / 60).ToString(CultureInfo.InvariantCulture);
            times[TimeField(priority, clock, "minutes")] = (total % 60).ToString(CultureInfo.InvariantCulture);
        }
    }
}
