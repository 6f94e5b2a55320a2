using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Organisation.Contracts;
using Rapport.Platform;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;
using Rapport.Platform.Events;
using Rapport.Platform.Web;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>
/// A few hundred tickets over the last four months, in every state, with conversations, so that
/// queues and later analytics have something real to show. Reproducible: the same seed gives the same tickets.
/// </summary>
internal sealed class TicketsDemoSeed(TimeProvider time, MarkdownRenderer markdown) : IDemoSeed
{
    private const int Count = 320;

    public int Order => 40;

    public bool IsSampleWork => true;

    public Task<bool> IsSeededAsync(IServiceProvider scope, CancellationToken ct) =>
        scope.GetRequiredService<RapportDb>().Set<Ticket>().AnyAsync(ct);

    public async Task SeedAsync(DemoSeedContext context, IServiceProvider scope, CancellationToken ct)
    {
        var db = scope.GetRequiredService<RapportDb>();
        var events = scope.GetRequiredService<EventLog>();
        var actor = scope.GetRequiredService<CurrentActor>();
        var catalog = scope.GetRequiredService<ICatalog>();
        var organisation = scope.GetRequiredService<IOrganisationDirectory>();

        var services = (await catalog.ListServicesAsync(publishedOnly: true, ct)).ToList();
        var teams = await organisation.ListTeamsAsync(ct);
        var members = new Dictionary<Guid, IReadOnlyList<TeamMemberDto>>();
        var accounts = new Dictionary<Guid, string?>();
        foreach (var team in teams)
        {
            members[team.Id] = await organisation.ListTeamMembersAsync(team.Id, ct);
            foreach (var member in members[team.Id])
            {
                accounts[member.Id] = (await organisation.FindPersonByEmailAsync(member.Email, ct))?.AccountId?.ToString();
            }
        }

        var requesters = new List<PersonDto>();
        foreach (var person in DemoOrganisation.People.Where(p => p.Role == RapportRoles.Requester))
        {
            if (await organisation.FindPersonByEmailAsync(person.Email, ct) is { } found)
            {
                requesters.Add(found);
            }
        }

        if (services.Count == 0 || requesters.Count == 0)
        {
            return;
        }

        var requesterAccounts = requesters.ToDictionary(r => r.Id, r => r.AccountId?.ToString());
        var random = new Random(20260301);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var made = new List<(Ticket Ticket, List<(IEvent Fact, DateTimeOffset At, Actor By)> Facts)>();
        var drafts = new List<(Ticket Ticket, CommentDraft Draft)>();
        // Older tickets first, so that numbers grow with time as they do in life.
        var ages = Enumerable.Range(0, Count).Select(_ => Math.Pow(random.NextDouble(), 1.6) * 24 * 120).OrderDescending().ToList();
        foreach (var ageHours in ages)
        {
            var service = services[random.Next(services.Count)];
            var requester = requesters[random.Next(requesters.Count)];
            var departmentTeams = teams.Where(t => t.DepartmentId == service.DepartmentId).ToList();
            var team = departmentTeams.Count == 0 ? null : departmentTeams[random.Next(departmentTeams.Count)];
            var agents = team is null ? [] : members[team.Id];
            var agent = agents.Count == 0 ? null : agents[random.Next(agents.Count)];

            var created = now.AddHours(-ageHours - 1);
            var impact = TicketPriorities.Levels[random.Next(3)];
            var urgency = TicketPriorities.Levels[random.Next(3)];
            var (subject, description) = Story(service.Key, random);
            var ticket = new Ticket
            {
                ServiceId = service.Id,
                DepartmentId = service.DepartmentId,
                Type = service.DefaultType,
                Subject = subject,
                Description = description,
                Impact = impact,
                Urgency = urgency,
                Priority = await catalog.PriorityOfAsync(impact, urgency, ct),
                RequesterId = requester.Id,
                RequesterName = requester.DisplayName,
                BusinessUnitId = requester.BusinessUnit?.Id,
                Channel = random.NextDouble() < 0.7 ? "portal" : "email",
                CreatedAt = created,
            };
            ticket.Opened(created);
            db.Add(ticket);

            var asRequester = new Actor(ActorKind.Requester, requester.AccountId?.ToString(), requester.DisplayName);
            var asAgent = agent is null ? Actor.System : new Actor(ActorKind.Agent, accounts[agent.Id], agent.DisplayName);
            var facts = new List<(IEvent, DateTimeOffset, Actor)>();
            var at = created;
            DateTimeOffset Later(double maxHours) => at = at.AddMinutes(5 + (random.NextDouble() * maxHours * 60));

            // The last two days hold the new, untouched work; older tickets have been picked up.
            var fresh = ageHours < 48;
            if (team is not null && (!fresh || random.NextDouble() < 0.5))
            {
                facts.Add((ticket.Assign(team.Id, !fresh || random.NextDouble() < 0.5 ? agent?.Id : null, agent?.DisplayName, Later(2)).Value!, at, asAgent));
            }

            // Older tickets are more likely finished.
            var fate = fresh ? random.NextDouble() * 0.6 : 0.15 + (random.NextDouble() * 0.85);
            if (fate > 0.15 && agent is not null && ticket.AssigneeId is not null)
            {
                Comment(ticket, agent.Id, agent.DisplayName, true, false, Pick(random, AgentReplies), Later(4), facts, asAgent, drafts);
                if (random.NextDouble() < 0.3)
                {
                    Comment(ticket, agent.Id, agent.DisplayName, true, true, Pick(random, InternalNotes), Later(2), facts, asAgent, drafts);
                }

                if (fate < 0.3)
                {
                    facts.Add((ticket.MoveTo(TicketStates.WaitingOnRequester, null, Later(1)).Value!, at, asAgent));
                }
                else if (fate < 0.35)
                {
                    facts.Add((ticket.MoveTo(TicketStates.WaitingOnThirdParty, null, Later(1)).Value!, at, asAgent));
                }
                else if (fate >= 0.5)
                {
                    if (random.NextDouble() < 0.5)
                    {
                        Comment(ticket, requester.Id, requester.DisplayName, false, false, Pick(random, RequesterReplies), Later(8), facts, asRequester, drafts);
                    }

                    facts.Add((ticket.MoveTo(TicketStates.Resolved, Pick(random, Resolutions), Later(24)).Value!, at, asAgent));
                    if (fate >= 0.62 && at.AddDays(7) < now)
                    {
                        facts.Add((ticket.MoveTo(TicketStates.Closed, null, at.AddDays(7)).Value!, at.AddDays(7), Actor.System));
                    }
                }
            }

            made.Add((ticket, facts.Select(f => (f.Item1, f.Item2, f.Item3)).ToList()));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (ticket, draft) in drafts)
        {
            db.Add(new TicketComment
            {
                Id = draft.Id,
                TicketId = ticket.Id,
                AuthorId = draft.AuthorId,
                AuthorName = draft.AuthorName,
                ByAgent = draft.ByAgent,
                IsInternal = draft.IsInternal,
                Body = draft.Body,
                BodyHtml = markdown.ToHtml(draft.Body),
                CreatedAt = draft.At,
            });
        }

        foreach (var (ticket, facts) in made)
        {
            var id = ticket.Id.ToString(CultureInfo.InvariantCulture);
            actor.Use(new Actor(ActorKind.Requester, requesterAccounts[ticket.RequesterId], ticket.RequesterName));
            events.Append(new TicketOpened(ticket.Id, ticket.ServiceId, ticket.DepartmentId, ticket.Type, ticket.Subject,
                ticket.Impact, ticket.Urgency, ticket.Priority, ticket.RequesterId, ticket.Channel), "ticket", id, ticket.CreatedAt);
            foreach (var (fact, at, by) in facts)
            {
                actor.Use(by);
                events.Append(Renumber(fact, ticket.Id), "ticket", id, at);
            }
        }

        actor.Use(Actor.System);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static void Comment(Ticket ticket, Guid authorId, string authorName, bool byAgent, bool isInternal, string body, DateTimeOffset at,
        List<(IEvent, DateTimeOffset, Actor)> facts, Actor by, List<(Ticket, CommentDraft)> drafts)
    {
        var draft = new CommentDraft(Guid.CreateVersion7(at), authorId, authorName, byAgent, isInternal, body, at);
        foreach (var fact in ticket.Reply(draft.Id, authorId, byAgent, isInternal, at, TimeSpan.FromDays(7)).Value!)
        {
            facts.Add((fact, at, by));
        }

        drafts.Add((ticket, draft));
    }

    /// <summary>A comment decided before the database numbered its ticket.</summary>
    private sealed record CommentDraft(Guid Id, Guid AuthorId, string AuthorName, bool ByAgent, bool IsInternal, string Body, DateTimeOffset At);

    /// <summary>Events were decided before the database numbered the ticket; give them its number.</summary>
    private static IEvent Renumber(IEvent fact, long id) => fact switch
    {
        TicketStateChanged e => e with { TicketId = id },
        TicketAssigned e => e with { TicketId = id },
        ReplyAdded e => e with { TicketId = id },
        InternalNoteAdded e => e with { TicketId = id },
        _ => fact,
    };

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    private static (string Subject, string Description) Story(string serviceKey, Random random)
    {
        var stories = serviceKey switch
        {
            "something-broken" => new[]
            {
                ("Laptop will not start after the update", "It shows the logo and then a black screen. I have a client call at 3."),
                ("Outlook keeps asking for my password", "Since this morning, every few minutes. I type it and it asks again."),
                ("VPN disconnects every ten minutes", "Working from home today; the connection drops and I lose my work in the CRM."),
                ("Printer on 2nd floor prints blank pages", "The whole team uses it; the queue is long."),
                ("Teams camera not found", "In calls nobody can see me; the camera works in other apps."),
            },
            "new-laptop" => [("Laptop for a new starter in Sales", "Julia starts on the 1st and needs the standard set-up."), ("My laptop is five years old", "It takes 10 minutes to start and the battery lasts an hour.")],
            "access-request" => [("Access to the Finance shared drive", "I took over budget reporting from Marcus."), ("Access to Tableau dashboards", "For the quarterly review with the regional managers.")],
            "it-question" => [("How do I share a calendar with my assistant?", ""), ("Can I use my own phone for e-mail?", "")],
            "leave-question" => [("How many holiday days do I have left?", "The portal shows two different numbers."), ("Parental leave in the autumn", "What do I need to arrange, and by when?")],
            "payslip-correction" => [("Overtime missing on my March payslip", "I worked 12 hours of approved overtime."), ("Travel allowance deducted twice", "")],
            "new-starter" => [("New team member starting next month", "Kenji joins Product Engineering as a developer.")],
            "repair" => [("Leaking tap in the 3rd floor kitchen", "Water is on the floor; someone may slip."), ("Meeting room 2.04 screen not working", "No signal from any laptop.")],
            "access-badge" => [("Lost my badge", "I think it fell out of my bag on the train."), ("Badge for a visiting consultant", "For two weeks from Monday.")],
            "expense-question" => [("Expense claim rejected without reason", "Claim for the Berlin trip."), ("Can I claim a home-office chair?", "")],
            _ => [("A question", "")],
        };
        return stories[random.Next(stories.Length)];
    }

    private static readonly string[] AgentReplies =
    [
        "Thanks for letting us know. I am looking into it now and will update you within the hour.",
        "Sorry for the trouble. Could you tell me when it last worked, and whether anything changed since?",
        "I have found the cause and I am fixing it now.",
        "We have ordered what is needed; it should arrive by Thursday. I will keep you posted.",
    ];

    private static readonly string[] InternalNotes =
    [
        "Same as last week's ticket from this team; probably the policy change. Checking with Infrastructure.",
        "Waiting for the supplier's answer; chased them by phone.",
        "Requester was frustrated on the phone; let us keep them closely informed.",
    ];

    private static readonly string[] RequesterReplies =
    [
        "Thank you, that helps. It works again.",
        "It still happens, sadly. Today twice already.",
        "Yes, that is fine for me.",
    ];

    private static readonly string[] Resolutions =
    [
        "Reinstalled the driver and tested it with you; all working.",
        "Access granted; you may need to sign out and in again.",
        "Replaced the part. Please tell us if it happens again.",
        "Answered the question; the guide is linked in the reply.",
        "Corrected it; the change shows on the next payslip.",
    ];
}
