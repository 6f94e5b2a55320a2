using Rapport.Organisation.Features;
using Rapport.Platform;
using Rapport.Platform.Web;

namespace Rapport.Organisation.Api;

/// <summary>The admin lists as CSV for spreadsheets: what each page shows, every row.</summary>
internal static class OrganisationExports
{
    public static void MapOrganisationExports(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin")
            .RequireAuthorization(RapportPolicies.Admin)
            .ExcludeFromDescription();
        admin.MapGet("/departments.csv", ExportDepartmentsAsync);
        admin.MapGet("/teams.csv", ExportTeamsAsync);
        admin.MapGet("/business-units.csv", ExportBusinessUnitsAsync);
        admin.MapGet("/people.csv", ExportPeopleAsync);
    }

    private static async Task<IResult> ExportDepartmentsAsync(ListDepartmentsHandler departments, TimeProvider time, CancellationToken ct)
    {
        var rows = await departments.HandleAsync(ct);
        return CsvExport.File(
            FileName("departments", time),
            ["Key", "Name", "Description", "Active teams", "People", "Archived (UTC)"],
            rows.Select(d => new[] { d.Key, d.Name, d.Description, Number(d.Teams), Number(d.People), CsvExport.Cell(d.ArchivedAt) }));
    }

    private static async Task<IResult> ExportTeamsAsync(Guid? department, ListTeamsHandler teams, TimeProvider time, CancellationToken ct)
    {
        var rows = await teams.HandleAsync(department, ct);
        return CsvExport.File(
            FileName("teams", time),
            ["Key", "Name", "Department", "Description", "Members", "Leads", "Archived (UTC)"],
            rows.Select(t => new[] { t.Key, t.Name, t.DepartmentName, t.Description, Number(t.Members), string.Join("; ", t.Leads), CsvExport.Cell(t.ArchivedAt) }));
    }

    private static async Task<IResult> ExportBusinessUnitsAsync(ListBusinessUnitsHandler units, TimeProvider time, CancellationToken ct)
    {
        var rows = await units.HandleAsync(ct);
        return CsvExport.File(
            FileName("business-units", time),
            ["Key", "Name", "Description", "People", "Archived (UTC)"],
            rows.Select(u => new[] { u.Key, u.Name, u.Description, Number(u.People), CsvExport.Cell(u.ArchivedAt) }));
    }

    private static async Task<IResult> ExportPeopleAsync(
        string? search, Guid? unit, Guid? department, ListPeopleHandler people, TimeProvider time, CancellationToken ct)
    {
        var rows = await people.AllAsync(new PeopleFilter(search, unit, department), ct);
        return CsvExport.File(
            FileName("people", time),
            ["Name", "E-mail", "Job title", "Business unit", "Teams", "Can sign in"],
            rows.Select(p => new[] { p.DisplayName, p.Email, p.JobTitle, p.BusinessUnitName, string.Join("; ", p.Teams), p.HasAccount ? "yes" : "no" }));
    }

    private static string FileName(string list, TimeProvider time) => $"rapport-{list}-{time.GetUtcNow():yyyy-MM-dd}.csv";

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
