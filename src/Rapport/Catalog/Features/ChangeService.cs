using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Catalog.Domain;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;

namespace Rapport.Catalog.Features;

/// <param name="Version">The version the editor started from: a newer stored one means someone else saved first.</param>
/// <param name="Details">New details; null leaves them as they are.</param>
/// <param name="IsPublished">Publish (true) or take off the portal (false); null leaves it as it is.</param>
/// <param name="Fields">The whole new request form, in order; null leaves it as it is.</param>
/// <param name="Key">The key is the portal's address and never changes: when given, it must be the service's own.</param>
public sealed record ChangeService(
    Guid Id, int? Version, ServiceDetails? Details = null, bool? IsPublished = null, IReadOnlyList<FormFieldDraft>? Fields = null, string? Key = null);

/// <summary>
/// Changes a service's details, its place on the portal or its request form, all in one save with their
/// events. Tickets already raised keep their answers and their department.
/// </summary>
public sealed class ChangeServiceHandler(RapportDb db, EventLog events, IOrganisationDirectory organisation)
{
    public async Task<Result<Service>> HandleAsync(ChangeService command, CancellationToken ct)
    {
        var check = new ServiceInputCheck(db, organisation);
        var details = command.Details is null ? null : await check.DetailsAsync(command.Details, ct);
        var form = command.Fields is null ? null : check.Form(command.Fields);
        if (command.Version is null)
        {
            check.Fail("version", "Send the version of the service you read, so that nobody's change is lost.");
        }

        var service = await db.Set<Service>().SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (service is null)
        {
            return CatalogRules.NotFound(command.Id);
        }

        if (!string.IsNullOrWhiteSpace(command.Key) && command.Key.Trim() != service.Key)
        {
            check.Fail("key", $"The key of a service never changes, as it is part of the portal's address: keep “{service.Key}”, or add a new service.");
        }

        if (check.Failed)
        {
            return check.Error;
        }

        if (service.Version != command.Version)
        {
            return new ConcurrentEdit(CatalogRules.What);
        }

        var detailsChanged = details is not null && (service.DepartmentId != details.DepartmentId || service.Name != details.Name
            || service.Description != details.Description || service.Category != details.Category || service.DefaultType != details.DefaultType);
        var publishedChanged = command.IsPublished is { } published && published != service.IsPublished;
        var formChanged = form is not null && !SameForm(service.Fields, form);
        if (!detailsChanged && !publishedChanged && !formChanged)
        {
            return service;
        }

        if (details is not null)
        {
            service.DepartmentId = details.DepartmentId;
            service.Name = details.Name;
            service.Description = details.Description;
            service.Category = details.Category;
            service.DefaultType = details.DefaultType;
        }

        service.IsPublished = command.IsPublished ?? service.IsPublished;
        if (formChanged)
        {
            service.Fields = form!;
        }

        service.Version++;
        var caseId = service.Id.ToString();
        if (detailsChanged || publishedChanged)
        {
            events.Append(new ServiceChanged(service.Id, service.DepartmentId, service.Name, service.Category, service.IsPublished,
                service.Fields.Count, service.Description, service.DefaultType), CatalogRules.ServiceCase, caseId);
        }

        if (formChanged)
        {
            events.Append(new RequestFormChanged(service.Id, [.. service.Fields.Select(CatalogQueries.ToDto)]), CatalogRules.ServiceCase, caseId);
        }

        var failed = await db.SaveOrConflictAsync(CatalogRules.What, ct);
        return failed is null ? service : failed;
    }

    // Compared as stored, so that a change nested in a field (an option, a limit) counts.
    private static bool SameForm(List<FormField> stored, List<FormField> changed) =>
        JsonSerializer.Serialize(stored) == JsonSerializer.Serialize(changed);
}
