using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Rapport.Accounts.Api;
using Rapport.Accounts.Domain;
using Rapport.Accounts.Features;
using Rapport.Accounts.Pages;
using Rapport.Accounts.Pages.Areas;
using Rapport.Platform;
using Rapport.Platform.Cli;
using Rapport.Platform.Database;
using Rapport.Platform.Demo;
using Rapport.Platform.Web.Areas;

namespace Rapport.Accounts;

/// <summary>Sign-in, roles and API tokens.</summary>
public static class AccountsModule
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<RapportUser, RapportRole>(o =>
            {
                // Length beats composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<RapportDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<RapportClaimsFactory>();

        // A locked account or a changed role reaches open browser sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddDataProtection().SetApplicationName("Rapport").PersistKeysToDbContext<RapportDb>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "rapport.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(RapportPolicies.Desk, p => p.RequireRole(RapportRoles.Staff))
            .AddPolicy(RapportPolicies.Insights, p => p.RequireRole(RapportRoles.Insight))
            .AddPolicy(RapportPolicies.Admin, p => p.RequireRole(RapportRoles.Administrator))
            .AddPolicy(RapportPolicies.Api, p => p
                .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                .RequireAuthenticatedUser());

        services.AddScoped<CreateAccountHandler>();
        services.AddScoped<IssueApiTokenHandler>();
        services.AddScoped<RevokeApiTokenHandler>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<ListAccountsHandler>();
        services.AddScoped<GetAccountHandler>();
        services.AddScoped<Contracts.IAccountDirectory, AccountDirectory>();
        services.AddCliCommand<CreateUserCommand>();
        services.AddCliCommand<CreateTokenCommand>();
        services.AddDemoSeed<AccountsDemoSeed>();
        services.AddAreaSection<PortalProfileSection>(Area.Portal, order: 10);
        services.AddAreaSection<DeskTeamsSection>(Area.Desk, order: 10);
        services.AddAreaSection<AdminOrganisationCards>(Area.Admin, order: 10);
        services.AddAreaSection<AdminAccountsCard>(Area.Admin, order: 50);
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAccountsApi();
        app.MapSignOut();
        app.MapAccountsExport();
        return app;
    }
}
