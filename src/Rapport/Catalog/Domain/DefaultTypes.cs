namespace Rapport.Catalog.Domain;

/// <summary>
/// What a request for a service starts as. The ticket's lifecycle is the Tickets module's; the catalog
/// only says where a request starts, and an agent may change it later.
/// </summary>
public static class DefaultTypes
{
    public const string Incident = "incident";
    public const string Request = "request";
    public const string Question = "question";
    public const string Complaint = "complaint";

    public static readonly IReadOnlyList<string> All = [Incident, Request, Question, Complaint];

    public static string Describe(string type) => type switch
    {
        Incident => "Incident: something is broken",
        Request => "Request: someone wants something",
        Question => "Question: someone wants to know",
        Complaint => "Complaint: someone is unhappy with the service",
        _ => type,
    };
}
