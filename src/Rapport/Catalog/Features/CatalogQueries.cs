using Microsoft.EntityFrameworkCore;
using Rapport.Catalog.Contracts;
using Rapport.Catalog.Domain;
using Rapport.Platform.Database;

namespace Rapport.Catalog.Features;

internal sealed class CatalogQueries(RapportDb db) : ICatalog
{
    public async Task<IReadOnlyList<ServiceDto>> ListServicesAsync(bool publishedOnly, CancellationToken ct)
    {
        var services = await db.Set<Service>().AsNoTracking()
            .Where(s => !publishedOnly || s.IsPublished)
            .OrderBy(s => s.Category).ThenBy(s => s.Name)
            .ToListAsync(ct);
        return [.. services.Select(ToDto)];
    }

    public async Task<ServiceDto?> FindServiceAsync(Guid serviceId, CancellationToken ct) =>
        await db.Set<Service>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, ct) is { } s ? ToDto(s) : null;

    public async Task<ServiceDto?> FindServiceByKeyAsync(string key, CancellationToken ct) =>
        await db.Set<Service>().AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, ct) is { } s ? ToDto(s) : null;

    public async Task<string> PriorityOfAsync(string impact, string urgency, CancellationToken ct) =>
        await db.Set<PriorityMatrixCell>().AsNoTracking()
            .Where(c => c.Impact == impact && c.Urgency == urgency)
            .Select(c => c.Priority)
            .SingleOrDefaultAsync(ct)
        ?? Priorities.Default(impact, urgency);

    public IReadOnlyDictionary<string, string> CheckAnswers(ServiceDto service, IReadOnlyDictionary<string, string?> answers) =>
        RequestForm.Validate([.. service.Fields.Select(FromDto)], answers);

    public static ServiceDto ToDto(Service s) => new(
        s.Id, s.Key, s.Name, s.Description, s.Category, s.DefaultType, s.DepartmentId, s.IsPublished,
        [.. s.Fields.Select(ToDto)], s.Version);

    public static FormFieldDto ToDto(FormField f) => new(f.Key, f.Label, f.Kind, f.Required, f.Help, f.Options, f.Min, f.Max, f.MaxLength);

    private static FormField FromDto(FormFieldDto f) => new()
    {
        Key = f.Key, Label = f.Label, Kind = f.Kind, Required = f.Required, Help = f.Help,
        Options = [.. f.Options], Min = f.Min, Max = f.Max, MaxLength = f.MaxLength,
    };
}
