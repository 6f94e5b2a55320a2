using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Bench.Features;

/// <summary>
/// Tickets over a span of time, oldest first so that numbers grow with time, each with a life told
/// by the same events the live code appends: opened, assigned (and sometimes reassigned), replies and
/// internal notes, files, waiting on the requester or a supplier, a priority raised by hand,
/// resolved, reopened now and then, closed a week after. Older tickets are finished; the last weeks
/// hold the open work. Rows and events come out in batches ready to load.
/// </summary>
internal sealed class GeneratedHistory
{
    private static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(7);

    private readonly BenchCast _cast;
    private readonly Random _random;
    private readonly SeededIds _ids;
    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _now;
    private readonly int _total;
    private readonly Func<string, string> _html;
    private readonly Dictionary<Guid, CastTeam[]> _teamsByDepartment;
    private readonly Dictionary<Type, EventNameAttribute> _names = [];
    private long _nextTicket;
    private long _nextSequence;
    private int _made;

    public GeneratedHistory(BenchCast cast, int seed, DateTimeOffset from, DateTimeOffset now, int total,
        long firstTicketId, long firstSequence, Func<string, string> html)
    {
        _cast = cast;
        _random = new Random(seed);
        _ids = new SeededIds(_random);
        _from = from;
        _now = now;
        _total = total;
        _html = html;
        _nextTicket = firstTicketId;
        _nextSequence = firstSequence;
        _teamsByDepartment = cast.Teams.GroupBy(t => t.DepartmentId).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public int Made => _made;

    public long NextSequence => _nextSequence;

    public BenchBatch Next(int count)
    {
        var batch = new BenchBatch();
        var span = (_now - _from).Ticks;
        for (var i = 0; i < count && _made < _total; i++, _made++)
        {
            // Evenly spread with jitter, and never earlier than the ticket before it.
            var created = _from.AddTicks((long)(span * ((_made + _random.NextDouble()) / _total)));
            Live(batch, _nextTicket++, created);
            batch.Tickets++;
        }

        return batch;
    }

    /// <summary>One ticket's life, as far as it got by now.</summary>
    private void Live(BenchBatch batch, long id, DateTimeOffset created)
    {
        var r = _random;
        var service = _cast.Services[r.Next(_cast.Services.Count)];
        var requester = r.Next(BenchCast.FeaturedShare) == 0 ? _cast.Featured : _cast.Requesters[r.Next(_cast.Requesters.Count)];
        var impact = BenchCast.Levels[r.Next(3)];
        var urgency = BenchCast.Levels[r.Next(3)];
        var (subject, description) = TicketStories.Pick(service.Key, r);
        var t = new TicketState(id, service, requester, impact, urgency, _cast.Priorities[(impact, urgency)], created)
        {
            Channel = r.NextDouble() < 0.65 ? "portal" : r.NextDouble() < 0.85 ? "email" : "api",
        };
        var caseId = id.ToString(CultureInfo.InvariantCulture);
        var asRequester = new Actor(ActorKind.Requester, requester.AccountId, requester.Name);
        Event(batch, caseId, created, asRequester, new TicketOpened(id, service.Id, service.DepartmentId, service.DefaultType, subject,
            impact, urgency, t.Priority, requester.PersonId, t.Channel));
        if (r.NextDouble() < 0.18)
        {
            Attach(batch, t, caseId, created, asRequester, requester.PersonId, null, isInternal: false);
        }

        var teams = _teamsByDepartment.GetValueOrDefault(service.DepartmentId) ?? [];
        var at = created;
        bool Later(double meanHours)
        {
            at = at.AddMinutes(2 + (-Math.Log(1 - r.NextDouble()) * meanHours * 60));
            return at < _now;
        }

        if (teams.Length > 0 && Later(0.7))
        {
            var team = teams[r.Next(teams.Length)];
            var agent = team.Agents[r.Next(team.Agents.Count)];
            var asAgent = new Actor(ActorKind.Agent, agent.AccountId, agent.Name);
            Event(batch, caseId, at, asAgent, t.Assign(team.Id, agent, at));
            LiveWithAgent(batch, t, caseId, teams, team, agent, asRequester, Later, () => at);
        }

        batch.Add(BenchTables.Tickets,
            id, service.Id, service.DepartmentId, service.DefaultType, subject, description, t.State, impact, urgency, t.Priority,
            t.PriorityReason, requester.PersonId, requester.Name, t.TeamId, t.Assignee?.PersonId, t.Assignee?.Name, "{}", t.Channel,
            created, t.UpdatedAt, t.FirstRespondedAt, t.ResolvedAt, t.ClosedAt, t.ResolutionNote, t.Version, requester.BusinessUnitId,
            null, null);
    }

    private void LiveWithAgent(BenchBatch batch, TicketState t, string caseId, CastTeam[] teams, CastTeam team, CastPerson agent,
        Actor asRequester, Func<double, bool> later, Func<DateTimeOffset> at)
    {
        var r = _random;
        var asAgent = new Actor(ActorKind.Agent, agent.AccountId, agent.Name);
        if (!later(1.5))
        {
            return;
        }

        Comment(batch, t, caseId, at(), asAgent, agent, byAgent: true, isInternal: false, TicketStories.AgentReply(r));
        if (r.NextDouble() < 0.25 && later(1))
        {
            Comment(batch, t, caseId, at(), asAgent, agent, byAgent: true, isInternal: true, TicketStories.InternalNote(r));
            if (r.NextDouble() < 0.2)
            {
                Attach(batch, t, caseId, at(), asAgent, agent.PersonId, t.LastCommentId, isInternal: true);
            }
        }

        if (r.NextDouble() < 0.12 && later(3))
        {
            // Handed on: to a colleague, or to another team of the department.
            var next = teams.Length > 1 && r.NextDouble() < 0.4 ? teams[r.Next(teams.Length)] : team;
            var colleague = next.Agents[r.Next(next.Agents.Count)];
            if (next.Id != team.Id || colleague.PersonId != agent.PersonId)
            {
                Event(batch, caseId, at(), asAgent, t.Assign(next.Id, colleague, at()));
                agent = colleague;
                asAgent = new Actor(ActorKind.Agent, agent.AccountId, agent.Name);
            }
        }

        if (r.NextDouble() < 0.04 && t.RaisedPriority() is { } raised && later(1))
        {
            Event(batch, caseId, at(), asAgent, t.OverridePriority(raised, TicketStories.PriorityReason(r), at()));
        }

        var roll = r.NextDouble();
        if (roll < 0.22)
        {
            Event(batch, caseId, at(), asAgent, t.MoveTo("waiting-on-requester", null, at()));
            if (!later(roll < 0.02 ? 24 * 20 : 14))
            {
                return;
            }

            Comment(batch, t, caseId, at(), asRequester, t.Requester, byAgent: false, isInternal: false, TicketStories.RequesterReply(r));
        }
        else if (roll < 0.28)
        {
            Event(batch, caseId, at(), asAgent, t.MoveTo("waiting-on-third-party", null, at()));
            if (!later(48))
            {
                return;
            }

            Event(batch, caseId, at(), asAgent, t.MoveTo("open", null, at()));
        }

        // Most work is done in a day or two; one ticket in ten drags on for weeks.
        for (var round = 0; round < 2; round++)
        {
            if (!later(r.NextDouble() < 0.1 ? 24 * 15 : 20))
            {
                return;
            }

            Event(batch, caseId, at(), asAgent, t.MoveTo("resolved", TicketStories.Resolution(r), at()));
            if (round == 0 && r.NextDouble() < 0.04 && later(24))
            {
                if (at() - t.ResolvedAt!.Value < ReopenWindow)
                {
                    Comment(batch, t, caseId, at(), asRequester, t.Requester, byAgent: false, isInternal: false, TicketStories.StillBroken(r));
                    continue;
                }
            }

            var closing = t.ResolvedAt!.Value.Add(ReopenWindow);
            if (closing < _now)
            {
                Event(batch, caseId, closing, Actor.System, t.MoveTo("closed", null, closing));
            }

            return;
        }
    }

    private void Comment(BenchBatch batch, TicketState t, string caseId, DateTimeOffset at, Actor actor, CastPerson author,
        bool byAgent, bool isInternal, string body)
    {
        var id = _ids.At(at);
        batch.Add(BenchTables.Comments, id, t.Id, author.PersonId, author.Name, byAgent, isInternal, body, _html(body), at);
        foreach (var fact in t.Reply(id, author.PersonId, byAgent, isInternal, at))
        {
            Event(batch, caseId, at, actor, fact);
        }
    }

    private void Attach(BenchBatch batch, TicketState t, string caseId, DateTimeOffset at, Actor actor, Guid uploadedBy, Guid? commentId, bool isInternal)
    {
        var (name, type) = TicketStories.File(_random);
        var size = (long)(20_000 + (_random.NextDouble() * _random.NextDouble() * 3_000_000));
        var id = _ids.At(at);
        Span<byte> hash = stackalloc byte[32];
        _random.NextBytes(hash);
        batch.Add(BenchTables.Attachments, id, t.Id, commentId, name, type, size, Convert.ToHexStringLower(hash), uploadedBy, isInternal, at);
        Event(batch, caseId, at, actor, new AttachmentAdded(t.Id, id, commentId, name, size, isInternal));
    }

    private void Event(BenchBatch batch, string caseId, DateTimeOffset at, Actor actor, IEvent fact)
    {
        if (!_names.TryGetValue(fact.GetType(), out var name))
        {
            _names[fact.GetType()] = name = EventNames.Of(fact.GetType());
        }

        batch.Add(BenchTables.Events,
            _nextSequence++, _ids.At(at), name.Name, name.Version, name.Module, "ticket", caseId, at,
            actor.Id, actor.Kind.ToString(), null, JsonSerializer.Serialize(fact, fact.GetType(), EventJson.Options));
    }
}
