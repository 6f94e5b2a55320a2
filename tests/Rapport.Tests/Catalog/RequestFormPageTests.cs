using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Rapport.Catalog.Domain;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Catalog;

/// <summary>Building a service's request form question by question, and seeing it as a requester will.</summary>
public abstract class RequestFormPageTests(RapportApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.GivenDemoCatalogAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Path(Guid id) => $"/admin/catalog/{id}/form";

    private static async Task<IDocument> AddQuestionAsync(HttpClient admin, Guid id, Dictionary<string, string> values) =>
        await (await admin.SubmitFormAsync(Path(id), "#field-editor", values)).ParseAsync();

    private static IReadOnlyList<string> Questions(IDocument page) =>
        [.. page.QuerySelectorAll("#form-fields li").Select(li => li.GetAttribute("data-field")!)];

    private static IReadOnlyList<string> PreviewFields(IDocument page) =>
        [.. page.QuerySelectorAll("#preview [data-field]").Select(f => f.GetAttribute("data-field")!)];

    [Fact]
    public async Task BuildingAForm_ThroughThePage_ShowsEachQuestionInThePreview_AsARequesterWillSeeIt()
    {
        var id = await app.GivenServiceAsync();
        var admin = await app.CatalogAdminBrowserAsync();

        var afterChoice = await AddQuestionAsync(admin, id, new()
        {
            ["label"] = "Which size?",
            ["kind"] = FieldKinds.Choice,
            ["options"] = "24 inch\r\n27 inch\r\n",
            ["required"] = "true",
            ["help"] = "Measured corner to corner.",
        });

        Assert.Contains("The question is added", afterChoice.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["which-size"], Questions(afterChoice));
        var size = afterChoice.QuerySelector<IHtmlSelectElement>("#preview select#preview-which-size");
        Assert.NotNull(size);
        Assert.Equal(["", "24 inch", "27 inch"], size.Options.Select(o => o.Value));
        Assert.Equal("Which size? *", afterChoice.QuerySelector("#preview label[for='preview-which-size']")?.TextContent);
        Assert.Equal("Measured corner to corner.", afterChoice.QuerySelector("#preview-which-size-help")?.TextContent);

        var afterNumber = await AddQuestionAsync(admin, id, new()
        {
            ["label"] = "How many?",
            ["key"] = "count",
            ["kind"] = FieldKinds.Number,
            ["min"] = "1",
            ["max"] = "3",
            ["options"] = "left over from a choice",
        });

        var count = afterNumber.QuerySelector<IHtmlInputElement>("#preview input#preview-count");
        Assert.Equal(("number", "1", "3"), (count?.Type, count?.GetAttribute("min"), count?.GetAttribute("max")));
        Assert.Equal(["which-size", "count"], PreviewFields(afterNumber));

        var moved = await (await admin.SubmitFormAsync(Path(id), "#move-up-count", [])).ParseAsync();

        Assert.Equal(["count", "which-size"], Questions(moved));
        Assert.Equal(["count", "which-size"], PreviewFields(moved));

        var changed = await (await admin.SubmitFormAsync(Path(id) + "?field=count", "#field-editor", new() { ["label"] = "How many screens?" })).ParseAsync();

        Assert.Equal("How many screens?", changed.QuerySelector("#preview label[for='preview-count']")?.TextContent);

        var removed = await (await admin.SubmitFormAsync(Path(id), "#remove-which-size", [])).ParseAsync();

        Assert.Equal(["count"], Questions(removed));
        Assert.Null(removed.QuerySelector("#preview-which-size"));
        var stored = await app.StoredServiceAsync(id);
        var field = Assert.Single(stored.Fields);
        Assert.Equal(("count", "How many screens?", 1m, 3m), (field.Key, field.Label, field.Min, field.Max));
        Assert.Empty(field.Options);
        Assert.Equal(5, (await app.EventsAsync("catalog.request-form-changed")).Count(e => e.CaseId == id.ToString()));

        var history = (await admin.GetPageAsync($"/admin/catalog/{id}")).QuerySelector("#history")?.TextContent;
        Assert.Contains("added the field “How many?”", history, StringComparison.Ordinal);
        Assert.Contains("changed the order of the fields", history, StringComparison.Ordinal);
        Assert.Contains("removed the field “Which size?”", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemsWithAQuestion_AreShownNextToTheirInputs_AndNothingIsSaved()
    {
        var id = await app.GivenServiceAsync(fields: [new { key = "asset-tag", label = "Asset tag", kind = FieldKinds.Text }]);
        var admin = await app.CatalogAdminBrowserAsync();

        var noOptions = await AddQuestionAsync(admin, id, new() { ["label"] = "Which colour?", ["kind"] = FieldKinds.Choice, ["options"] = " \n " });
        var takenKey = await AddQuestionAsync(admin, id, new() { ["label"] = "Serial number", ["key"] = "asset-tag" });
        var backwards = await AddQuestionAsync(admin, id, new() { ["label"] = "How many?", ["kind"] = FieldKinds.Number, ["min"] = "5", ["max"] = "2", ["maxLength"] = "x" });

        Assert.Contains("options to choose from", noOptions.QuerySelector("#editor-options-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Which colour?", noOptions.QuerySelector<IHtmlInputElement>("#editor-label")?.Value);
        Assert.Contains("Another field of this form has the key “asset-tag”", takenKey.QuerySelector("#editor-key-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("below the smallest", backwards.QuerySelector("#editor-max-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(("5", "2"), (backwards.QuerySelector<IHtmlInputElement>("#editor-min")?.Value, backwards.QuerySelector<IHtmlInputElement>("#editor-max")?.Value));
        Assert.Null(backwards.QuerySelector("#editor-maxlength-error"));
        Assert.NotNull(backwards.QuerySelector("#editor-errors a[href='#editor-max']"));
        Assert.Equal(["asset-tag"], (await app.StoredServiceAsync(id)).Fields.Select(f => f.Key));
    }

    [Fact]
    public async Task TryingThePreview_ShowsTheMessagesARequesterWouldGet_AndSendsNothing()
    {
        var id = await app.GivenServiceAsync(fields:
        [
            new { key = "needed-by", label = "Needed by", kind = FieldKinds.Date, required = true },
            new { key = "count", label = "How many", kind = FieldKinds.Number, max = 3 },
            new { key = "photo", label = "A photo", kind = FieldKinds.Attachment, required = true },
        ]);
        var admin = await app.CatalogAdminBrowserAsync();
        var before = (await app.EventsAsync()).Count;

        var tried = await (await admin.SubmitFormAsync(Path(id), "#preview-form", new() { ["answers.count"] = "7", ["subject"] = "Two screens" })).ParseAsync();

        Assert.Equal("Needed by is required.", tried.QuerySelector("#preview-needed-by-error")?.TextContent);
        Assert.Equal("How many can be at most 3.", tried.QuerySelector("#preview-count-error")?.TextContent);
        Assert.Equal("7", tried.QuerySelector<IHtmlInputElement>("#preview-count")?.Value);
        Assert.Equal("Two screens", tried.QuerySelector<IHtmlInputElement>("#preview-subject")?.Value);
        Assert.Contains("correct 2 fields", tried.QuerySelector("#preview-result")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("file", tried.QuerySelector<IHtmlInputElement>("#preview-photo")?.Type);
        Assert.Null(tried.QuerySelector("#preview-photo-error"));
        Assert.Equal(before, (await app.EventsAsync()).Count);

        var passed = await (await admin.SubmitFormAsync(Path(id), "#preview-form", new() { ["answers.needed-by"] = "2026-04-01", ["answers.count"] = "2" })).ParseAsync();

        Assert.Contains("pass the form's checks", passed.QuerySelector("#preview-result")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAQuestion_AfterSomeoneElseChangedTheForm_KeepsTheQuestionBeingWritten_AndAddsItWhenAskedAgain()
    {
        var id = await app.GivenServiceAsync();
        var mine = await app.CatalogAdminBrowserAsync();
        var theirs = await app.CatalogAdminBrowserAsync();
        var myEditor = (await mine.GetPageAsync(Path(id))).QuerySelector<IHtmlFormElement>("#field-editor")!;
        await AddQuestionAsync(theirs, id, new() { ["label"] = "Their question" });

        var conflict = await (await mine.SubmitAsync(myEditor, new() { ["label"] = "My question", ["kind"] = FieldKinds.LongText })).ParseAsync();

        Assert.Contains("Their question", conflict.QuerySelector("#conflict")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("My question", conflict.QuerySelector<IHtmlInputElement>("#editor-label")?.Value);
        Assert.Equal(FieldKinds.LongText, conflict.QuerySelector<IHtmlSelectElement>("#editor-kind")?.Value);
        Assert.Equal(["their-question"], (await app.StoredServiceAsync(id)).Fields.Select(f => f.Key));

        var again = await (await mine.SubmitAsync(conflict.QuerySelector<IHtmlFormElement>("#field-editor")!, [])).ParseAsync();

        Assert.Equal(["their-question", "my-question"], Questions(again));
    }
}

public sealed class RequestFormPageTests_Sqlite(SqliteApp app) : RequestFormPageTests(app), IClassFixture<SqliteApp>;

public sealed class RequestFormPageTests_Postgres(PostgresApp app) : RequestFormPageTests(app), IClassFixture<PostgresApp>;
