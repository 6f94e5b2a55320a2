namespace Rapport.Bench.Features;

/// <summary>What people write: titles by service (the demo catalog's keys), replies, notes, resolutions, files.</summary>
internal static class TicketStories
{
    private static readonly Dictionary<string, (string Subject, string Description)[]> ByService = new(StringComparer.Ordinal)
    {
        ["something-broken"] =
        [
            ("Laptop will not start after the update", "It shows the logo and then a black screen. I have a client call at 3."),
            ("Outlook keeps asking for my password", "Since this morning, every few minutes. I type it and it asks again."),
            ("VPN disconnects every ten minutes", "Working from home today; the connection drops and I lose my work in the CRM."),
            ("Printer on 2nd floor prints blank pages", "The whole team uses it; the queue is long."),
            ("Teams camera not found", "In calls nobody can see me; the camera works in other apps."),
            ("Second monitor flickers", "It goes black for a second every few minutes."),
            ("Cannot open shared Excel file", "It says the file is locked for editing by another user, but nobody has it open."),
            ("Wi-Fi in meeting room 3.12 is very slow", "Video calls freeze for everyone in that room."),
            ("Keyboard types the wrong characters", "The @ key gives a quote mark since yesterday."),
            ("Phone app crashes on start", "The softphone closes as soon as it opens."),
        ],
        ["new-laptop"] =
        [
            ("Laptop for a new starter in Sales", "She starts on the 1st and needs the standard set-up."),
            ("My laptop is five years old", "It takes 10 minutes to start and the battery lasts an hour."),
            ("Replacement laptop after coffee spill", "The keyboard no longer works."),
        ],
        ["access-request"] =
        [
            ("Access to the Finance shared drive", "I took over budget reporting from a colleague."),
            ("Access to Tableau dashboards", "For the quarterly review with the regional managers."),
            ("Admin rights for the project site", "I need to add the new team members."),
            ("Access to the CRM for a contractor", "For three months, read-only."),
        ],
        ["it-question"] =
        [
            ("How do I share a calendar with my assistant?", ""),
            ("Can I use my own phone for e-mail?", ""),
            ("Which video tool should we use with customers?", ""),
        ],
        ["leave-question"] =
        [
            ("How many holiday days do I have left?", "The portal shows two different numbers."),
            ("Parental leave in the autumn", "What do I need to arrange, and by when?"),
            ("Carrying over unused leave", "Can I take last year's days in March?"),
        ],
        ["payslip-correction"] =
        [
            ("Overtime missing on my payslip", "I worked 12 hours of approved overtime."),
            ("Travel allowance deducted twice", ""),
            ("Wrong tax code on my payslip", "My tax code changed in April but the payslip shows the old one."),
        ],
        ["new-starter"] =
        [
            ("New team member starting next month", "Joins Product Engineering as a developer."),
            ("Two interns starting in June", "They need accounts, badges and a desk."),
        ],
        ["repair"] =
        [
            ("Leaking tap in the 3rd floor kitchen", "Water is on the floor; someone may slip."),
            ("Meeting room 2.04 screen not working", "No signal from any laptop."),
            ("Heating not working on the 5th floor", "It is 16 degrees in the open office."),
            ("Broken chair at desk 4.21", "The height adjustment does not hold."),
        ],
        ["access-badge"] =
        [
            ("Lost my badge", "I think it fell out of my bag on the train."),
            ("Badge for a visiting consultant", "For two weeks from Monday."),
            ("Badge does not open the car park", "It works at the main entrance."),
        ],
        ["expense-question"] =
        [
            ("Expense claim rejected without reason", "Claim for the Berlin trip."),
            ("Can I claim a home-office chair?", ""),
            ("Hotel invoice in a foreign currency", "Which exchange rate do I use?"),
        ],
    };

    private static readonly (string Subject, string Description)[] Other = [("A question about our service", "")];

    private static readonly string[] AgentReplies =
    [
        "Thanks for letting us know. I am looking into it now and will update you within the hour.",
        "Sorry for the trouble. Could you tell me when it last worked, and whether anything changed since?",
        "I have found the cause and I am fixing it now.",
        "We have ordered what is needed; it should arrive by **Thursday**. I will keep you posted.",
        "Could you send a screenshot of the message you see? That helps us find it faster.",
        "I have checked your account and everything looks right on our side. Does it still happen after a restart?",
    ];

    private static readonly string[] InternalNotes =
    [
        "Same as last week's ticket from this team; probably the policy change. Checking with Infrastructure.",
        "Waiting for the supplier's answer; chased them by phone.",
        "Requester was frustrated on the phone; let us keep them closely informed.",
        "Known issue, see the problem record. Workaround applied.",
    ];

    private static readonly string[] RequesterReplies =
    [
        "Thank you, that helps. It works again.",
        "It still happens, sadly. Today twice already.",
        "Yes, that is fine for me.",
        "Here is the screenshot. It happened again at 10:15.",
    ];

    private static readonly string[] StillBrokenReplies =
    [
        "Sorry, it is back again since this morning.",
        "It worked for a day, but now it fails in the same way.",
    ];

    private static readonly string[] Resolutions =
    [
        "Reinstalled the driver and tested it with you; all working.",
        "Access granted; you may need to sign out and in again.",
        "Replaced the part. Please tell us if it happens again.",
        "Answered the question; the guide is linked in the reply.",
        "Corrected it; the change shows on the next payslip.",
    ];

    private static readonly string[] PriorityReasons =
    [
        "The whole team is blocked.",
        "Needed for a customer meeting today.",
        "Affects the month-end close.",
    ];

    private static readonly (string Name, string Type)[] Files =
    [
        ("screenshot.png", "image/png"),
        ("error-message.png", "image/png"),
        ("photo.jpg", "image/jpeg"),
        ("invoice.pdf", "application/pdf"),
        ("log.txt", "text/plain"),
        ("expenses.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ];

    public static (string Subject, string Description) Pick(string serviceKey, Random random)
    {
        var stories = ByService.GetValueOrDefault(serviceKey) ?? Other;
        return stories[random.Next(stories.Length)];
    }

    public static string AgentReply(Random random) => AgentReplies[random.Next(AgentReplies.Length)];

    public static string InternalNote(Random random) => InternalNotes[random.Next(InternalNotes.Length)];

    public static string RequesterReply(Random random) => RequesterReplies[random.Next(RequesterReplies.Length)];

    public static string StillBroken(Random random) => StillBrokenReplies[random.Next(StillBrokenReplies.Length)];

    public static string Resolution(Random random) => Resolutions[random.Next(Resolutions.Length)];

    public static string PriorityReason(Random random) => PriorityReasons[random.Next(PriorityReasons.Length)];

    public static (string Name, string Type) File(Random random) => Files[random.Next(Files.Length)];

    /// <summary>Every text a comment can have, so their HTML is rendered once, not once per comment.</summary>
    public static IEnumerable<string> CommentBodies =>
        AgentReplies.Concat(InternalNotes).Concat(RequesterReplies).Concat(StillBrokenReplies);
}
