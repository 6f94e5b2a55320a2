using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

public sealed record OpenTicket(
    Guid ServiceId,
    string? Subject,
    string? Description,
    string? Type,
    string? Impact,
    string? Urgency,
    IReadOnlyDictionary<string, string?>? Answers,
    string Channel,
    string? RequesterEmail = null,
    IReadOnlyList<IncomingFile>? Files = null,
    IReadOnlyDictionary<string, IReadOnlyList<IncomingFile>>? FieldFiles = null);

/// <summary>Raises a ticket for a service, checked against the service's form, with the priority the matrix gives.</summary>
public sealed class OpenTicketHandler(
    RapportDb db,
    EventLog events,
    ICatalog catalog,
    IOrganisationDirectory organisation,
    RouteNewTicket routing,
    TicketFiles files,
    TimeProvider time)
{
    public const int MaxSubject = 200;
    public const int MaxDescription = 20_000;

    public async Task<Result<Ticket>> HandleAsync(OpenTicket command, TicketViewer viewer, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        var service = await catalog.FindServiceAsync(command.ServiceId, ct);
        if (service is null || !service.IsPublished)
        {
            Fail("serviceId", "Choose a service from the catalog.");
        }

        var subject = command.Subject?.Trim() ?? "";
        if (subject.Length == 0)
        {
            Fail("subject", "Give your request a short title, e.g. \"Laptop does not start\".");
        }
        else if (subject.Length > MaxSubject)
        {
            Fail("subject", $"Keep the title under {MaxSubject} characters; put the details in the description.");
        }

        var description = command.Description?.Trim() ?? "";
        if (description.Length > MaxDescription)
        {
            Fail("description", $"The description can be at most {MaxDescription} characters.");
        }

        var type = string.IsNullOrWhiteSpace(command.Type) ? service?.DefaultType ?? "request" : command.Type.Trim();
        if (!TicketTypes.All.Contains(type))
        {
            Fail("type", $"Type must be one of: {string.Join(", ", TicketTypes.All)}.");
        }

        var impact = string.IsNullOrWhiteSpace(command.Impact) ? "low" : command.Impact.Trim();
        var urgency = string.IsNullOrWhiteSpace(command.Urgency) ? "medium" : command.Urgency.Trim();
        if (!TicketPriorities.Levels.Contains(impact))
        {
            Fail("impact", "Impact must be low, medium or high.");
        }

        if (!TicketPriorities.Levels.Contains(urgency))
        {
            Fail("urgency", "Urgency must be low, medium or high.");
        }

        var answers = new Dictionary<string, string?>(command.Answers ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        if (service is not null)
        {
            service = WithFiles(service, command.FieldFiles, answers, command.Channel);
            foreach (var (field, message) in catalog.CheckAnswers(service, answers))
            {
                Fail($"answers.{field}", message);
            }
        }

        var requester = await RequesterAsync(command, viewer, Fail, ct);
        if (errors.Count > 0 || service is null || requester is null)
        {
            return new Invalid("tickets.invalid", "The request has fields to correct.", errors);
        }

        var kept = new List<KeptFile>();
        foreach (var (field, incoming) in FilesByField(command))
        {
            var keeping = await files.KeepAsync(incoming, ct);
            if (!keeping.Succeeded)
            {
                var problem = keeping.Error is Invalid invalid ? invalid.Fields.Values.First()[0] : keeping.Error.Detail;
                return new Invalid("tickets.invalid", "The request has fields to correct.", new Dictionary<string, string[]> { [field] = [problem] });
            }

            kept.AddRange(keeping.Value);
        }

        var priority = await catalog.PriorityOfAsync(impact, urgency, ct);
        var given = answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value?.Trim());

        // Two tickets routed round-robin at once may race for the team's turn: the loser starts again.
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var ticket = new Ticket
            {
                ServiceId = service.Id,
                DepartmentId = service.DepartmentId,
                Type = type,
                Subject = subject,
                Description = description,
                Impact = impact,
                Urgency = urgency,
                Priority = priority,
                RequesterId = requester.Value.Id,
                RequesterName = requester.Value.Name,
                BusinessUnitId = requester.Value.BusinessUnitId,
                Answers = new Dictionary<string, string?>(given),
                Channel = command.Channel,
                CreatedAt = now,
            };
            ticket.Opened(now);
            try
            {
                await SaveAsync(ticket, kept, now, ct);
                return ticket;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The number is the database's: save the ticket, then its events and routing, in one transaction.</summary>
    private async Task SaveAsync(Ticket ticket, IReadOnlyList<KeptFile> kept, DateTimeOffset now, CancellationToken ct)
    {
        // Mail opens tickets inside its own transaction, so that its record of the message commits with the ticket.
        var outer = db.Database.CurrentTransaction is not null;
        await using var transaction = outer ? null : await db.Database.BeginTransactionAsync(ct);
        db.Add(ticket);
        await db.SaveChangesAsync(ct);
        var caseId = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        events.Append(new TicketOpened(ticket.Id, ticket.ServiceId, ticket.DepartmentId, ticket.Type, ticket.Subject,
            ticket.Impact, ticket.Urgency, ticket.Priority, ticket.RequesterId, ticket.Channel), "ticket", caseId);
        foreach (var added in files.Attach(ticket.Id, null, ticket.RequesterId, isInternal: false, kept, now))
        {
            events.Append(added, "ticket", caseId);
        }

        if (await routing.DecideAsync(ticket, ct) is { } route)
        {
            events.Append(ticket.Assign(route.TeamId, route.AssigneeId, route.AssigneeName, now).Value!, "ticket", caseId);
            events.Append(new TicketRouted(ticket.Id, route.Rule.Id, route.Rule.Name), "ticket", caseId);
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Attachment fields are answered by the names of their files. Where a request cannot carry files
    /// (the JSON API), such fields are not required: files follow through the attachments endpoint.
    /// </summary>
    private static ServiceDto WithFiles(ServiceDto service, IReadOnlyDictionary<string, IReadOnlyList<IncomingFile>>? fieldFiles, Dictionary<string, string?> answers, string channel)
    {
        // An e-mail cannot fill in a form: what the service asks for is asked in the conversation.
        if (channel == TicketsByMail.Channel)
        {
            return service with { Fields = [.. service.Fields.Select(f => f with { Required = false })] };
        }

        if (fieldFiles is null)
        {
            return service with { Fields = [.. service.Fields.Select(f => f.Kind == FormFieldKinds.Attachment ? f with { Required = false } : f)] };
        }

        foreach (var field in service.Fields.Where(f => f.Kind == FormFieldKinds.Attachment))
        {
            answers[field.Key] = fieldFiles.TryGetValue(field.Key, out var chosen) && chosen.Count > 0
                ? string.Join('\n', chosen.Select(f => TicketFiles.CleanName(f.FileName)))
                : null;
        }

        return service;
    }

    private static IEnumerable<(string Field, IReadOnlyList<IncomingFile> Files)> FilesByField(OpenTicket command)
    {
        foreach (var (key, chosen) in command.FieldFiles ?? new Dictionary<string, IReadOnlyList<IncomingFile>>())
        {
            yield return ($"answers.{key}", chosen);
        }

        if (command.Files is { Count: > 0 } general)
        {
            yield return (TicketFiles.Field, general);
        }
    }

    private async Task<(Guid Id, string Name, Guid? BusinessUnitId)?> RequesterAsync(OpenTicket command, TicketViewer viewer, Action<string, string> fail, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(command.RequesterEmail))
        {
            if (!viewer.IsStaff)
            {
                fail("requesterEmail", "Only agents raise requests on behalf of someone else.");
                return null;
            }

            var person = await organisation.FindPersonByEmailAsync(command.RequesterEmail, ct);
            if (person is null)
            {
                fail("requesterEmail", $"Nobody with the e-mail address {command.RequesterEmail} is known.");
            }

            return person is null ? null : (person.Id, person.DisplayName, person.BusinessUnit?.Id);
        }

        if (viewer.PersonId is { } me)
        {
            return (me, viewer.Name, viewer.BusinessUnitId);
        }

        fail("requester", "Your profile in the organisation is not set up yet; try again in a moment or ask an administrator.");
        return null;
    }
}
