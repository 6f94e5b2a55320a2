namespace Rapport.Platform.Demo;

/// <summary>
/// The believable organisation that a new Rapport starts with: a mid-sized company with IT, HR,
/// Facilities and Finance as service providers and its business units as their customers.
/// Each module seeds its part of it.
/// </summary>
public static class DemoOrganisation
{
    public const string Domain = "demo.rapport.example";

    public const string AdministratorEmail = "admin@" + Domain;

    public static readonly IReadOnlyList<DemoDepartment> Departments =
    [
        new("it", "IT", "Laptops, accounts, software, networks and everything with a plug.",
            [new("it-service-desk", "Service Desk"), new("it-workplace", "Workplace Support"), new("it-infrastructure", "Infrastructure")]),
        new("hr", "HR", "Contracts, leave, payroll questions, onboarding and wellbeing.",
            [new("hr-people-services", "People Services"), new("hr-payroll", "Payroll")]),
        new("facilities", "Facilities", "Buildings, desks, access badges, repairs and meeting rooms.",
            [new("fac-buildings", "Buildings"), new("fac-workplace", "Workplace & Access")]),
        new("finance", "Finance", "Expenses, invoices, purchase orders and budgets.",
            [new("fin-accounts-payable", "Accounts Payable")]),
    ];

    public static readonly IReadOnlyList<DemoBusinessUnit> BusinessUnits =
    [
        new("sales", "Sales", "Account managers and sales operations across three regions."),
        new("marketing", "Marketing", "Brand, campaigns, events and the web site."),
        new("operations", "Operations", "Warehouses, logistics and customer fulfilment."),
        new("engineering", "Product Engineering", "The teams that build the company's products."),
        new("customer-care", "Customer Care", "The contact centre and customer success."),
        new("legal", "Legal & Compliance", "Contracts, privacy and regulatory affairs."),
    ];

    /// <summary>About fifty people in every role. Staff belong to a team; everyone belongs to a business unit or a department.</summary>
    public static readonly IReadOnlyList<DemoPerson> People = BuildPeople();

    private static List<DemoPerson> BuildPeople()
    {
        List<DemoPerson> people =
        [
            new("Alex Morgan", "admin", RapportRoles.Administrator, null, "it-service-desk", false, "Service Desk Manager"),
            new("Priya Natarajan", "priya.natarajan", RapportRoles.TeamLead, null, "it-service-desk", true, "Service Desk Team Lead"),
            new("Tom Becker", "tom.becker", RapportRoles.Agent, null, "it-service-desk", false, "Service Desk Analyst"),
            new("Aisha Bello", "aisha.bello", RapportRoles.Agent, null, "it-service-desk", false, "Service Desk Analyst"),
            new("Lucas Ferreira", "lucas.ferreira", RapportRoles.Agent, null, "it-service-desk", false, "Service Desk Analyst"),
            new("Mei Chen", "mei.chen", RapportRoles.Agent, null, "it-service-desk", false, "Service Desk Analyst"),
            new("Jonas Lindqvist", "jonas.lindqvist", RapportRoles.TeamLead, null, "it-workplace", true, "Workplace Support Lead"),
            new("Fatima Haddad", "fatima.haddad", RapportRoles.Agent, null, "it-workplace", false, "Desktop Engineer"),
            new("Oliver Grant", "oliver.grant", RapportRoles.Agent, null, "it-workplace", false, "Desktop Engineer"),
            new("Sofia Rossi", "sofia.rossi", RapportRoles.Agent, null, "it-infrastructure", true, "Infrastructure Engineer"),
            new("Daniel Okafor", "daniel.okafor", RapportRoles.Agent, null, "it-infrastructure", false, "Network Engineer"),
            new("Hannah Schmidt", "hannah.schmidt", RapportRoles.TeamLead, null, "hr-people-services", true, "People Services Lead"),
            new("Grace Kim", "grace.kim", RapportRoles.Agent, null, "hr-people-services", false, "HR Advisor"),
            new("Mateo Alvarez", "mateo.alvarez", RapportRoles.Agent, null, "hr-people-services", false, "HR Advisor"),
            new("Chloe Dubois", "chloe.dubois", RapportRoles.Agent, null, "hr-payroll", true, "Payroll Specialist"),
            new("Ravi Kapoor", "ravi.kapoor", RapportRoles.Agent, null, "hr-payroll", false, "Payroll Specialist"),
            new("Emma Walsh", "emma.walsh", RapportRoles.TeamLead, null, "fac-buildings", true, "Facilities Manager"),
            new("Kwame Mensah", "kwame.mensah", RapportRoles.Agent, null, "fac-buildings", false, "Maintenance Coordinator"),
            new("Ingrid Larsen", "ingrid.larsen", RapportRoles.Agent, null, "fac-workplace", true, "Workplace Coordinator"),
            new("Yusuf Demir", "yusuf.demir", RapportRoles.Agent, null, "fac-workplace", false, "Reception & Access"),
            new("Laura Novak", "laura.novak", RapportRoles.TeamLead, null, "fin-accounts-payable", true, "Accounts Payable Lead"),
            new("Samuel Osei", "samuel.osei", RapportRoles.Agent, null, "fin-accounts-payable", false, "Finance Officer"),
            new("Nora Hughes", "nora.hughes", RapportRoles.RelationshipManager, "sales", null, false, "Business Relationship Manager"),
            new("Pedro Santos", "pedro.santos", RapportRoles.RelationshipManager, "operations", null, false, "Business Relationship Manager"),
            new("Elif Yilmaz", "elif.yilmaz", RapportRoles.Facilitator, "engineering", null, false, "Agile Coach"),
        ];

        string[] requesters =
        [
            "Ben Carter", "Julia Weber", "Marcus Johnson", "Anna Kowalska", "Kenji Watanabe", "Sara Lopez",
            "David Cohen", "Leila Rahimi", "Finn O'Brien", "Zara Ahmed", "Noah Williams", "Ida Johansson",
            "Omar Farouk", "Chiara Bianchi", "Ethan Brown", "Amara Nwosu", "Lena Hoffmann", "Victor Petrov",
            "Maya Patel", "Hugo Martin", "Olga Ivanova", "Sam Taylor", "Rosa Jimenez", "Arjun Mehta", "Clara Nilsen",
        ];
        for (var i = 0; i < requesters.Length; i++)
        {
            var name = requesters[i];
            var local = name.ToLowerInvariant().Replace(' ', '.').Replace("'", "", StringComparison.Ordinal);
            people.Add(new(name, local, RapportRoles.Requester, BusinessUnits[i % BusinessUnits.Count].Key, null, false, null));
        }

        return people;
    }
}

public sealed record DemoDepartment(string Key, string Name, string Description, IReadOnlyList<DemoTeam> Teams);

public sealed record DemoTeam(string Key, string Name);

public sealed record DemoBusinessUnit(string Key, string Name, string Description);

/// <param name="Name">Display name.</param>
/// <param name="EmailLocalPart">The part before the @ of the demo domain.</param>
/// <param name="Role">The person's role.</param>
/// <param name="BusinessUnit">Key of the business unit they work in, for people on the customer side.</param>
/// <param name="Team">Key of their team, for people on the provider side.</param>
/// <param name="LeadsTeam">Whether they lead that team.</param>
/// <param name="JobTitle">What they do.</param>
public sealed record DemoPerson(string Name, string EmailLocalPart, string Role, string? BusinessUnit, string? Team, bool LeadsTeam, string? JobTitle)
{
    public string Email => $"{EmailLocalPart}@{DemoOrganisation.Domain}";
}
