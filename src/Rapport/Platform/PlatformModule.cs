using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Platform.Cli;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Platform.Files;
using Rapport.Platform.Web;
using Scalar.AspNetCore;

namespace Rapport.Platform;

/// <summary>What every module stands on: settings, database, event log, errors, the web shell and the API surface.</summary>
public static class PlatformModule
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        // Framework and package assets (blazor.web.js) straight from their packages when not published,
        // in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        var options = builder.Configuration.GetSection(RapportOptions.Section).Get<RapportOptions>() ?? new RapportOptions();
        if (!Path.IsPathRooted(options.DataDirectory))
        {
            options.DataDirectory = Path.Combine(builder.Environment.ContentRootPath, options.DataDirectory);
            builder.Configuration[$"{RapportOptions.Section}:{nameof(RapportOptions.DataDirectory)}"] = options.DataDirectory;
        }

        services.AddOptions<RapportOptions>()
            .Bind(builder.Configuration.GetSection(RapportOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options.Database, new(options.Database), problems, true))
        {
            throw new StartupException(string.Join(" ", problems.Select(p => p.ErrorMessage)));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<FileStore>();
        services.AddExceptionHandler<ConcurrencyExceptionHandler>();

        // Hosted services start in order: the schema must be current before the dispatcher reads events.
        builder.AddRapportDatabase(options);
        services.AddHostedService<DatabaseStartup>();
        builder.AddEventLog(options.Database.IsPostgres);
        services.AddSingleton<DemoSeeder>();
        services.AddCliCommand<MigrateCommand>();
        services.AddCliCommand<SeedCommand>();

        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(o => o.Cookie.Name = "rapport.af");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<ApiExampleTransformer>();
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        });
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseWhen(c => IsApi(c.Request.Path), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request.Path), pages =>
        {
            pages.UseExceptionHandler("/error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        // Routing after the error pages, so that a re-executed request (404 → /not-found) is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o
            .WithTitle("Rapport API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        return app;
    }

    /// <summary>Maps the pages of every module; call after the modules.</summary>
    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");
}

internal sealed class DatabaseHealthCheck(RapportDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}

/// <summary>Someone else saved the same record first: 409 with a sentence that says what to do.</summary>
internal sealed class ConcurrencyExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateConcurrencyException || !PlatformModule.IsApi(httpContext.Request.Path))
        {
            return false;
        }

        await new ConcurrentEdit("This record").ToProblem().ExecuteAsync(httpContext);
        return true;
    }
}
