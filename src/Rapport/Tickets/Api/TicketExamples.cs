using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Api;

/// <summary>What the API reference shows as example requests and answers.</summary>
internal static class TicketExamples
{
    private static readonly Guid Service = Guid.Parse("0195a2c4-7e10-7a3b-9a64-1c2d3e4f5a6b");
    private static readonly Guid Department = Guid.Parse("0195a2c4-7e10-7a3b-9a64-0a1b2c3d4e5f");
    private static readonly Guid Requester = Guid.Parse("0195a2c4-7e11-7c2d-8b1a-5f6e7d8c9b0a");
    private static readonly Guid Team = Guid.Parse("0195a2c4-7e12-7d3e-9c2b-6a7b8c9d0e1f");
    private static readonly Guid Agent = Guid.Parse("0195a2c4-7e13-7e4f-8d3c-7b8c9d0e1f2a");
    private static readonly DateTimeOffset Opened = new(2026, 3, 2, 8, 15, 0, TimeSpan.Zero);

    public static readonly OpenTicketRequest Open = new(
        Service, "Laptop does not start", "Since this morning the screen stays black; the power light is on.", "incident",
        "low", "high", null, new() { ["device"] = "my laptop", ["since"] = "2026-03-02" });

    public static readonly TicketResponse Ticket = new(
        1042, "Laptop does not start", "Since this morning the screen stays black; the power light is on.", "incident",
        TicketStates.New, TicketStates.ForRequester(TicketStates.New), "medium", "low", "high", null, Service, Department,
        Requester, "Ben Carter", Team, null, null, "api",
        new Dictionary<string, string?> { ["device"] = "my laptop", ["since"] = "2026-03-02" },
        Opened, Opened, null, null, null, null, 1, null, ["laptop"],
        new TicketClocksResponse(new ClockResponse(Opened.AddHours(4), "running", 240, 228), new ClockResponse(Opened.AddDays(1), "running", 1_440, 1_428)));

    public static readonly TicketPageResponse Page = new([Ticket], "eyJpZCI6MTA0MX0");

    public static readonly EditTicketRequest Edit = new("Laptop does not start after the update", "incident", 1);

    public static readonly ChangeStateRequest Resolve = new(TicketStates.Resolved, "Replaced the charger; it starts again.", 3);

    public static readonly AssignRequest Assign = new(Team, Agent, 1);

    public static readonly PriorityRequest Priority = new("high", "The requester presents to the board at noon.", 2);

    public static readonly CommentRequest Reply = new("Thank you — could you hold the power button for 30 seconds and try again?", false);

    public static readonly CommentResponse Comment = new(
        Guid.Parse("0195a2c5-0000-7000-8000-000000000001"), Agent, "Tom Becker", true, false,
        Reply.Body!, "<p>Thank you — could you hold the power button for 30 seconds and try again?</p>", Opened.AddMinutes(12), []);

    public static readonly AttachmentResponse Attachment = new(
        Guid.Parse("0195a2c5-0000-7000-8000-0000000000a1"), null, "screen.jpg", "image/jpeg", 184_320, false, Opened,
        "/api/v1/tickets/1042/attachments/0195a2c5-0000-7000-8000-0000000000a1");
}
