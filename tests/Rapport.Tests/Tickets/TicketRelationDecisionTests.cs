using Rapport.Platform.Errors;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tests.Tickets;

/// <summary>The pure decisions behind watchers, links, merging and tags.</summary>
public sealed class TicketRelationDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Ticket NewTicket(long id, string state = TicketStates.New)
    {
        var ticket = new Ticket
        {
            Id = id, Type = "incident", Subject = $"Ticket {id}", Impact = "low", Urgency = "low", Priority = "low",
            RequesterId = Guid.NewGuid(), RequesterName = $"Requester {id}", Channel = "portal", CreatedAt = Now,
        };
        ticket.Opened(Now);
        switch (state)
        {
            case TicketStates.Closed:
                ticket.MoveTo(TicketStates.Closed, null, Now);
                break;
            case TicketStates.New:
                break;
            default:
                ticket.MoveTo(state, state == TicketStates.Resolved ? "Done." : null, Now);
                break;
        }

        return ticket;
    }

    [Theory]
    [InlineData("vpn", "vpn")]
    [InlineData("  VPN  ", "vpn")]
    [InlineData("New Starter", "new-starter")]
    [InlineData("new  -  starter", "new-starter")]
    [InlineData("#Outlook", "outlook")]
    [InlineData("Größe-2", "größe-2")]
    public void TagNames_AreNormalised(string written, string stored) =>
        Assert.Equal(stored, TagNames.Normalise(written).Value);

    [Theory]
    [InlineData("", "Write a tag")]
    [InlineData("   ", "Write a tag")]
    [InlineData("vpn/wifi", "letters, digits and dashes only")]
    [InlineData("a_b", "letters, digits and dashes only")]
    [InlineData("12345678901234567890123456789012345678901", "at most 40 characters")]
    public void TagNames_ThatCannotBeNormalised_SayWhy(string written, string reason)
    {
        var error = Assert.IsType<Invalid>(TagNames.Normalise(written).Error);

        Assert.Contains(reason, Assert.Single(error.Fields["tag"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_AreAtMostTwentyAndNeverTwice()
    {
        var ticket = NewTicket(1);
        var tags = Enumerable.Range(1, Ticket.MaxTags).Select(i => $"t{i}").ToList();

        Assert.Equal("tickets.already-tagged", ticket.AddTag("t3", tags, Now).Error?.Code);
        Assert.Contains("at most 20 tags", ticket.AddTag("one-more", tags, Now).Error?.Detail, StringComparison.Ordinal);
        Assert.Equal(0, ticket.Version);
        Assert.IsType<TicketTagAdded>(ticket.AddTag("one-more", tags[..^1], Now).Value);
        Assert.Equal(1, ticket.Version);
    }

    [Fact]
    public void Link_ToItself_TwiceOrWithAnUnknownKind_IsRefused()
    {
        var ticket = NewTicket(12);
        var existing = new TicketLink { Id = Guid.NewGuid(), TicketId = 12, OtherTicketId = 14, Kind = TicketLinkKinds.DuplicateOf };

        Assert.True(Assert.IsType<Invalid>(ticket.Link(Guid.NewGuid(), 12, TicketLinkKinds.Related, [], Now).Error).Fields.ContainsKey("ticket"));
        Assert.True(Assert.IsType<Invalid>(ticket.Link(Guid.NewGuid(), 14, "blocks", [], Now).Error).Fields.ContainsKey("kind"));
        Assert.Equal("Ticket 12 is a duplicate of #14 already.", ticket.Link(Guid.NewGuid(), 14, TicketLinkKinds.DuplicateOf, [existing], Now).Error?.Detail);
        Assert.Contains("linked already", ticket.Link(Guid.NewGuid(), 14, TicketLinkKinds.Related, [existing], Now).Error?.Detail, StringComparison.Ordinal);
        Assert.Equal(0, ticket.Version);
    }

    [Theory]
    [InlineData(TicketLinkKinds.Related, "related to", "related to")]
    [InlineData(TicketLinkKinds.DuplicateOf, "duplicate of", "has duplicate")]
    [InlineData(TicketLinkKinds.CausedBy, "caused by", "caused")]
    public void Links_ReadNaturallyFromBothEnds(string kind, string fromThisSide, string fromOtherSide)
    {
        Assert.Equal(fromThisSide, TicketLinkReadings.Label(kind, fromOtherSide: false));
        Assert.Equal(fromOtherSide, TicketLinkReadings.Label(kind, fromOtherSide: true));
    }

    [Theory]
    [InlineData(TicketStates.New)]
    [InlineData(TicketStates.Open)]
    [InlineData(TicketStates.WaitingOnThirdParty)]
    [InlineData(TicketStates.Resolved)]
    public void Merge_ClosesTheDuplicateInOneMove_FromWhereverItIs(string state)
    {
        var duplicate = NewTicket(12, state);
        var target = NewTicket(14, TicketStates.Open);
        var version = duplicate.Version;

        var events = duplicate.MergeInto(target, Guid.NewGuid(), Guid.NewGuid(), [], Now).Value!;

        Assert.Collection(events,
            e => Assert.Equal(new TicketMerged(12, 14), e),
            e => Assert.Equal("agent", Assert.IsType<ReplyAdded>(e).AuthorKind),
            e => Assert.Equal((state, TicketStates.Closed), (Assert.IsType<TicketStateChanged>(e).From, ((TicketStateChanged)e).To)));
        Assert.Equal((TicketStates.Closed, 14L, version + 1), (duplicate.State, duplicate.MergedIntoId, duplicate.Version));
        Assert.Equal(Now, duplicate.ClosedAt);
    }

    [Fact]
    public void Merge_ReplacesAnotherLinkBetweenTheTwo_AndKeepsADuplicateLink()
    {
        var duplicate = NewTicket(12);
        var target = NewTicket(14);
        var related = new TicketLink { Id = Guid.NewGuid(), TicketId = 14, OtherTicketId = 12, Kind = TicketLinkKinds.Related };

        var events = duplicate.MergeInto(target, Guid.NewGuid(), Guid.NewGuid(), [related], Now).Value!;

        Assert.Contains(new TicketUnlinked(14, related.Id, 12, TicketLinkKinds.Related), events);
        Assert.True(duplicate.IsDuplicateLink(new TicketLink { TicketId = 12, OtherTicketId = 14, Kind = TicketLinkKinds.DuplicateOf }, target));
    }

    [Fact]
    public void Merge_IntoItself_IntoAClosedOrMergedTicket_OrTwice_IsRefused()
    {
        var ticket = NewTicket(12);
        var closed = NewTicket(13, TicketStates.Closed);
        var target = NewTicket(14);
        var merged = NewTicket(15);
        merged.MergeInto(target, Guid.NewGuid(), Guid.NewGuid(), [], Now);

        Assert.True(Assert.IsType<Invalid>(ticket.MergeInto(ticket, Guid.NewGuid(), Guid.NewGuid(), [], Now).Error).Fields.ContainsKey("into"));
        Assert.Equal("tickets.target-closed", ticket.MergeInto(closed, Guid.NewGuid(), Guid.NewGuid(), [], Now).Error?.Code);
        Assert.Contains("merge into #14 instead", ticket.MergeInto(merged, Guid.NewGuid(), Guid.NewGuid(), [], Now).Error?.Detail, StringComparison.Ordinal);
        Assert.Equal("tickets.merged-already", merged.MergeInto(ticket, Guid.NewGuid(), Guid.NewGuid(), [], Now).Error?.Code);
        Assert.Equal("tickets.closed", closed.MergeInto(ticket, Guid.NewGuid(), Guid.NewGuid(), [], Now).Error?.Code);
        Assert.Equal((TicketStates.New, (long?)null), (ticket.State, ticket.MergedIntoId));
    }

    [Fact]
    public void TakingInADuplicate_MakesItsRequesterAWatcher_UnlessTheyFollowAlready()
    {
        var duplicate = NewTicket(12);
        var target = NewTicket(14);

        Assert.Contains(new WatcherAdded(14, duplicate.RequesterId, "Requester 12"), target.TakeInDuplicate(duplicate, Guid.NewGuid(), Guid.NewGuid(), false, Now));
        Assert.DoesNotContain(target.TakeInDuplicate(duplicate, Guid.NewGuid(), Guid.NewGuid(), true, Now), e => e is WatcherAdded);
        Assert.IsType<InternalNoteAdded>(Assert.Single(target.TakeInDuplicate(duplicate, Guid.NewGuid(), Guid.NewGuid(), true, Now)));
    }

    [Fact]
    public void Watchers_AreNeverTheRequester_NorTwiceTheSamePerson()
    {
        var ticket = NewTicket(12);
        var colleague = Guid.NewGuid();

        Assert.Equal("tickets.watcher-is-requester", ticket.AddWatcher(ticket.RequesterId, "Requester 12", [], Now).Error?.Code);
        Assert.Equal("Julia watches ticket 12 already.", ticket.AddWatcher(colleague, "Julia", [colleague], Now).Error?.Detail);
        Assert.Equal("tickets.not-watching", ticket.RemoveWatcher(colleague, "Julia", [], Now).Error?.Code);
        Assert.IsType<WatcherAdded>(ticket.AddWatcher(colleague, "Julia", [], Now).Value);
        Assert.Equal(1, ticket.Version);
    }
}
