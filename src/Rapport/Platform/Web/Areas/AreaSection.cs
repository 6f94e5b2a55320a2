namespace Rapport.Platform.Web.Areas;

/// <summary>The areas of the product; each has a home page.</summary>
public enum Area
{
    Portal,
    Desk,
    Insights,
    Admin,
}

/// <summary>
/// A part of an area's home page that a module brings. Platform knows no module, so each module
/// adds its own parts (a card, a list) and the home page shows them in <see cref="Order"/>.
/// </summary>
public sealed record AreaSection(Area Area, Type Component, int Order);

public static class AreaSectionsSetup
{
    /// <summary>Shows <typeparamref name="TComponent"/> on the home page of <paramref name="area"/>.</summary>
    public static IServiceCollection AddAreaSection<TComponent>(this IServiceCollection services, Area area, int order)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        services.AddSingleton(new AreaSection(area, typeof(TComponent), order));
}
