using Rapport.Catalog.Contracts;
using Rapport.Catalog.Domain;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Catalog.Features;

/// <param name="Key">Optional: made from the name when left empty.</param>
/// <param name="IsPublished">False keeps it a draft that only administrators see, until its form is ready.</param>
/// <param name="Fields">The request form; none for a service that asks only for a title and a description.</param>
public sealed record AddService(string? Key, ServiceDetails Details, bool IsPublished = false, IReadOnlyList<FormFieldDraft>? Fields = null);

/// <summary>Adds a service to a department's catalog, with its request form, in one change.</summary>
public sealed class AddServiceHandler(RapportDb db, EventLog events, IOrganisationDirectory organisation, TimeProvider time)
{
    public async Task<Result<Service>> HandleAsync(AddService command, CancellationToken ct)
    {
        var check = new ServiceInputCheck(db, organisation);
        var details = await check.DetailsAsync(command.Details, ct);
        var key = await check.KeyAsync(command.Key, command.Details.Name, ct);
        var form = check.Form(command.Fields ?? []);
        if (check.Failed || details is null || form is null)
        {
            return check.Error;
        }

        var now = time.GetUtcNow();
        var service = new Service
        {
            Id = Guid.CreateVersion7(now),
            DepartmentId = details.DepartmentId,
            Key = key,
            Name = details.Name,
            Description = details.Description,
            Category = details.Category,
            DefaultType = details.DefaultType,
            Fields = form,
            IsPublished = command.IsPublished,
            CreatedAt = now,
            Version = 1,
        };
        db.Add(service);
        var caseId = service.Id.ToString();
        events.Append(new ServiceAdded(service.Id, service.DepartmentId, service.Key, service.Name, service.Category,
            service.Description, service.DefaultType, service.IsPublished), CatalogRules.ServiceCase, caseId);
        if (service.Fields.Count > 0)
        {
            events.Append(new RequestFormChanged(service.Id, [.. service.Fields.Select(CatalogQueries.ToDto)]), CatalogRules.ServiceCase, caseId);
        }

        var failed = await db.SaveOrConflictAsync(CatalogRules.What, ct, async () =>
        {
            var again = new ServiceInputCheck(db, organisation);
            return await again.TakenAsync(key, ct) is { } taken ? Invalid.Field("key", taken) : null;
        });
        return failed is null ? service : failed;
    }
}
