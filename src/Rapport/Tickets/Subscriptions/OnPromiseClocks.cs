using Microsoft.EntityFrameworkCore;
using Rapport.Clocks.Contracts;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Events;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Subscriptions;

/// <summary>
/// What tickets do when their promise clocks move: keep the due time queues sort by, and carry out
/// a breached promise's escalations (raise the priority, hand the ticket to the team lead).
/// Notifying the lead is the breach event itself, which notifications and webhooks read.
/// </summary>
internal sealed class OnPromiseClocks(TimeProvider time) : IEventSubscriber
{
    public string Name => "tickets.promise-clocks";

    public IReadOnlyCollection<string> EventTypes { get; } = [EventNames.Of<TicketDueChanged>(), EventNames.Of<ClockBreached>()];

    public async Task HandleAsync(EventEnvelope envelope, IServiceProvider scope, CancellationToken ct)
    {
        var db = scope.GetRequiredService<RapportDb>();
        if (envelope.Is<TicketDueChanged>())
        {
            var due = envelope.Payload<TicketDueChanged>();
            var ticket = await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Id == due.TicketId, ct);
            ticket?.DueBy(due.DueAt);
            return;
        }

        var breach = envelope.Payload<ClockBreached>();
        var breached = await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Id == breach.TicketId, ct);
        if (breached is null || breached.IsFinished)
        {
            return;
        }

        var events = scope.GetRequiredService<EventLog>();
        var caseId = breached.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        var what = breach.Kind == ClockKinds.FirstResponse ? "first-response" : "resolution";
        if (breach.Escalations.Contains(EscalationActions.RaisePriority) && breached.Escalate($"Escalated: the {what} promise was not kept.", now) is { Succeeded: true } raised)
        {
            events.Append(raised.Value, "ticket", caseId);
        }

        if (breach.Escalations.Contains(EscalationActions.Reassign) && breached.TeamId is { } teamId)
        {
            var lead = (await scope.GetRequiredService<IOrganisationDirectory>().ListTeamMembersAsync(teamId, ct)).FirstOrDefault(m => m.IsLead);
            if (lead is not null && lead.Id != breached.AssigneeId && breached.Assign(teamId, lead.Id, lead.DisplayName, now) is { Succeeded: true } assigned)
            {
                events.Append(assigned.Value, "ticket", caseId);
            }
        }
    }
}
