using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;

namespace Rapport.Catalog.Features;

internal static class CatalogRules
{
    public const string What = "This service";

    /// <summary>The stream of a service in the event log.</summary>
    public const string ServiceCase = "service";

    /// <summary>The stream of the priority matrix: there is one.</summary>
    public const string MatrixCase = "priority-matrix";

    public const string MatrixCaseId = "default";

    public static NotFoundError NotFound(Guid id) =>
        new("catalog.service-not-found", $"There is no service {id}. It may have been removed; go back to the catalog.");
}
