using Rapport.Platform.Errors;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tests.Tickets;

public sealed class TicketLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static Ticket NewTicket()
    {
        var ticket = new Ticket
        {
            Id = 42, Type = "incident", Subject = "Printer", Impact = "low", Urgency = "low", Priority = "low",
            RequesterId = Guid.NewGuid(), RequesterName = "Ben", Channel = "portal", CreatedAt = Now,
        };
        ticket.Opened(Now);
        return ticket;
    }

    [Theory]
    [InlineData("new", "open", true)]
    [InlineData("new", "closed", true)]
    [InlineData("open", "waiting-on-requester", true)]
    [InlineData("open", "new", false)]
    [InlineData("open", "closed", false)]
    [InlineData("resolved", "open", true)]
    [InlineData("resolved", "waiting-on-requester", false)]
    [InlineData("closed", "open", false)]
    public void Moves_FollowTheLifecycle(string from, string to, bool allowed) =>
        Assert.Equal(allowed, TicketStates.CanMove(from, to));

    [Fact]
    public void Resolve_WithoutNote_IsRefusedAndChangesNothing()
    {
        var ticket = NewTicket();

        var result = ticket.MoveTo(TicketStates.Resolved, "  ", Now);

        var invalid = Assert.IsType<Invalid>(result.Error);
        Assert.Contains("note", invalid.Fields.Keys);
        Assert.Equal(TicketStates.New, ticket.State);
        Assert.Equal(0, ticket.Version);
    }

    [Fact]
    public void Resolve_WithNote_RecordsNoteTimeAndEvent()
    {
        var ticket = NewTicket();

        var result = ticket.MoveTo(TicketStates.Resolved, "Replaced the toner.", Now);

        var changed = Assert.IsType<TicketStateChanged>(result.Value);
        Assert.Equal(("new", "resolved", "Replaced the toner."), (changed.From, changed.To, changed.Note));
        Assert.Equal(Now, ticket.ResolvedAt);
        Assert.Equal(1, ticket.Version);
    }

    [Fact]
    public void AgentFirstReply_OpensANewTicket_AndStampsFirstResponse()
    {
        var ticket = NewTicket();

        var events = ticket.Reply(Guid.NewGuid(), Guid.NewGuid(), byAgent: true, isInternal: false, Now.AddMinutes(5), Week).Value!;

        Assert.Collection(events, e => Assert.IsType<ReplyAdded>(e), e => Assert.Equal("open", Assert.IsType<TicketStateChanged>(e).To));
        Assert.Equal(Now.AddMinutes(5), ticket.FirstRespondedAt);
    }

    [Fact]
    public void InternalNote_DoesNotCountAsFirstResponse()
    {
        var ticket = NewTicket();

        var events = ticket.Reply(Guid.NewGuid(), Guid.NewGuid(), byAgent: true, isInternal: true, Now, Week).Value!;

        Assert.IsType<InternalNoteAdded>(Assert.Single(events));
        Assert.Null(ticket.FirstRespondedAt);
        Assert.Equal(TicketStates.New, ticket.State);
    }

    [Fact]
    public void Requester_CannotWriteInternalNotes()
    {
        var result = NewTicket().Reply(Guid.NewGuid(), Guid.NewGuid(), byAgent: false, isInternal: true, Now, Week);

        Assert.IsType<ForbiddenError>(result.Error);
    }

    [Fact]
    public void RequesterReply_OnWaitingTicket_BringsItBackToOpen()
    {
        var ticket = NewTicket();
        ticket.MoveTo(TicketStates.WaitingOnRequester, null, Now);

        var events = ticket.Reply(Guid.NewGuid(), ticket.RequesterId, byAgent: false, isInternal: false, Now.AddHours(1), Week).Value!;

        Assert.Equal(TicketStates.Open, ticket.State);
        Assert.Contains(events, e => e is TicketStateChanged { From: "waiting-on-requester", To: "open" });
    }

    [Fact]
    public void RequesterReply_OnResolvedTicket_WithinTheWindow_Reopens()
    {
        var ticket = NewTicket();
        ticket.MoveTo(TicketStates.Resolved, "Done.", Now);

        ticket.Reply(Guid.NewGuid(), ticket.RequesterId, byAgent: false, isInternal: false, Now.AddDays(6), Week);

        Assert.Equal(TicketStates.Open, ticket.State);
        Assert.Null(ticket.ResolvedAt);
    }

    [Fact]
    public void RequesterReply_OnResolvedTicket_AfterTheWindow_IsRefused()
    {
        var ticket = NewTicket();
        ticket.MoveTo(TicketStates.Resolved, "Done.", Now);

        var result = ticket.Reply(Guid.NewGuid(), ticket.RequesterId, byAgent: false, isInternal: false, Now.AddDays(8), Week);

        Assert.Equal("tickets.reopen-window-passed", result.Error?.Code);
        Assert.Equal(TicketStates.Resolved, ticket.State);
    }

    [Fact]
    public void ClosedTicket_TakesNoMoreReplies()
    {
        var ticket = NewTicket();
        ticket.MoveTo(TicketStates.Closed, null, Now);

        var result = ticket.Reply(Guid.NewGuid(), Guid.NewGuid(), byAgent: true, isInternal: false, Now, Week);

        Assert.Equal("tickets.closed", result.Error?.Code);
    }

    [Fact]
    public void PriorityOverride_NeedsAReason()
    {
        var ticket = NewTicket();

        Assert.IsType<Invalid>(ticket.OverridePriority("critical", "", Now).Error);
        Assert.IsType<TicketPriorityChanged>(ticket.OverridePriority("critical", "CEO's laptop before the board meeting", Now).Value);
        Assert.Equal("critical", ticket.Priority);
    }
}
