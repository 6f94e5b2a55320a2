using Rapport.Accounts.Features;
using Rapport.Platform;
using Rapport.Platform.Web;

namespace Rapport.Accounts.Pages;

/// <summary><c>/admin/accounts.csv</c>: the account list as the page filters it, every row, for a spreadsheet.</summary>
internal static class AccountsExport
{
    public static void MapAccountsExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/admin/accounts.csv", ExportAsync)
            .RequireAuthorization(RapportPolicies.Admin)
            .ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(string? search, string? role, ListAccountsHandler accounts, TimeProvider time, CancellationToken ct)
    {
        var rows = await accounts.AllAsync(new AccountFilter(search, role), ct);
        var fileName = $"rapport-accounts-{time.GetUtcNow():yyyy-MM-dd}.csv";
        return CsvExport.File(
            fileName,
            ["E-mail", "Name", "Roles", "Locked", "Created (UTC)", "Last API token use (UTC)"],
            rows.Select(a => new[]
            {
                a.Email,
                a.DisplayName,
                string.Join(' ', a.Roles),
                a.Locked ? "yes" : "no",
                CsvExport.Cell(a.CreatedAt),
                CsvExport.Cell(a.LastTokenUse),
            }));
    }
}
