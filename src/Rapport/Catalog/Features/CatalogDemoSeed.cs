using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Catalog.Domain;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;
using Rapport.Platform.Events;

namespace Rapport.Catalog.Features;

/// <summary>A catalog for IT, HR, Facilities and Finance, each in its own words.</summary>
internal sealed class CatalogDemoSeed(TimeProvider time) : IDemoSeed
{
    public int Order => 30;

    public Task<bool> IsSeededAsync(IServiceProvider scope, CancellationToken ct) =>
        scope.GetRequiredService<RapportDb>().Set<Service>().AnyAsync(ct);

    public async Task SeedAsync(DemoSeedContext context, IServiceProvider scope, CancellationToken ct)
    {
        var db = scope.GetRequiredService<RapportDb>();
        var events = scope.GetRequiredService<EventLog>();
        var departments = (await scope.GetRequiredService<IOrganisationDirectory>().ListDepartmentsAsync(ct))
            .ToDictionary(d => d.Key, d => d.Id, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var (department, service) in DemoServices())
        {
            if (!departments.TryGetValue(department, out var departmentId))
            {
                continue;
            }

            var entity = new Service
            {
                Id = Guid.CreateVersion7(now),
                DepartmentId = departmentId,
                Key = service.Key,
                Name = service.Name,
                Description = service.Description,
                Category = service.Category,
                DefaultType = service.DefaultType,
                Fields = service.Fields,
                CreatedAt = now,
                Version = 1,
            };
            db.Add(entity);
            var caseId = entity.Id.ToString();
            events.Append(new ServiceAdded(entity.Id, departmentId, entity.Key, entity.Name, entity.Category,
                entity.Description, entity.DefaultType, entity.IsPublished), CatalogRules.ServiceCase, caseId);
            if (entity.Fields.Count > 0)
            {
                events.Append(new RequestFormChanged(entity.Id, [.. entity.Fields.Select(CatalogQueries.ToDto)]), CatalogRules.ServiceCase, caseId);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static FormField Field(string key, string label, string kind = FieldKinds.Text, bool required = false, string? help = null, params string[] options) =>
        new() { Key = key, Label = label, Kind = kind, Required = required, Help = help, Options = [.. options] };

    public static IEnumerable<(string Department, Service Service)> DemoServices()
    {
        Service S(string key, string name, string category, string type, string description, params FormField[] fields) =>
            new() { Key = key, Name = name, Category = category, DefaultType = type, Description = description, Fields = [.. fields] };

        yield return ("it", S("something-broken", "Something is not working", "Help", "incident",
            "Tell us what stopped working and how it affects you. We will get you going again, or tell you when we will.",
            Field("device", "Which device or app?", required: true, help: "For example: my laptop, Outlook, the VPN."),
            Field("since", "Since when?", FieldKinds.Date),
            Field("people-affected", "Who else is affected?", FieldKinds.Choice, options: ["Only me", "My team", "Many people"])));
        yield return ("it", S("new-laptop", "A new or replacement laptop", "Hardware", "request",
            "Ask for a laptop for yourself or a new starter. We prepare it with your apps and bring it to your desk.",
            Field("for-whom", "Who is it for?", FieldKinds.Person, required: true, help: "Their e-mail address."),
            Field("model", "Which model?", FieldKinds.Choice, required: true, options: ["Standard 14\"", "Performance 16\"", "Ultralight 13\""]),
            Field("needed-by", "Needed by", FieldKinds.Date, required: true),
            Field("software", "Extra software", FieldKinds.MultiChoice, options: ["Visual Studio", "Adobe Creative Cloud", "Tableau", "SPSS"])));
        yield return ("it", S("access-request", "Access to a system or shared folder", "Accounts and access", "request",
            "Ask for access to an application, a shared drive or a mailbox. The owner approves, then we set it up.",
            Field("system", "Which system or folder?", required: true),
            Field("reason", "Why do you need it?", FieldKinds.LongText, required: true, help: "One or two sentences are enough.")));
        yield return ("it", S("it-question", "A question for IT", "Help", "question",
            "Not sure how something works? Ask us. No question is too small."));
        yield return ("hr", S("leave-question", "A question about leave", "Time off", "question",
            "Holidays, parental leave, sick leave, special leave: ask us and we will explain what applies to you.",
            Field("leave-type", "What kind of leave?", FieldKinds.Choice, required: true, options: ["Holiday", "Parental", "Sick", "Special", "Not sure"])));
        yield return ("hr", S("payslip-correction", "Something is wrong on my payslip", "Pay", "incident",
            "If an amount, an allowance or a deduction looks wrong, tell us. We check it with payroll and correct it on the next run at the latest.",
            Field("month", "Which month?", required: true, help: "For example: March 2026."),
            Field("amount", "The amount in question", FieldKinds.Number)));
        yield return ("hr", S("new-starter", "A new person joins my team", "People", "request",
            "Tell us who is joining and when; we prepare the contract, the welcome and the first day with IT and Facilities.",
            Field("name", "Their name", required: true),
            Field("start-date", "First day", FieldKinds.Date, required: true),
            Field("role", "Their role", required: true)));
        yield return ("facilities", S("repair", "Something in the building needs fixing", "Building", "incident",
            "A broken light, a leaking tap, a door that will not lock: tell us where it is and we send someone.",
            Field("location", "Where exactly?", required: true, help: "Building, floor and room, e.g. B2, 3rd floor, room 3.14."),
            Field("urgent", "Is it a safety risk?", FieldKinds.Choice, required: true, options: ["No", "Yes"]),
            Field("photo", "A photo of it", FieldKinds.Attachment, help: "If you can take one: it helps us bring the right tools.")));
        yield return ("facilities", S("access-badge", "An access badge", "Access", "request",
            "Ask for a new or replacement badge. Collect it at reception with your ID.",
            Field("reason", "Why do you need one?", FieldKinds.Choice, required: true, options: ["New starter", "Lost", "Broken", "Visitor"])));
        yield return ("finance", S("expense-question", "A question about an expense claim", "Expenses", "question",
            "Ask about a claim you made or one you want to make. We answer within two working days.",
            Field("claim-number", "Claim number", help: "If you have one.")));
    }
}
