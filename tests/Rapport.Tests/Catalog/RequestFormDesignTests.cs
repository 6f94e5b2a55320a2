using Rapport.Catalog.Domain;
using Rapport.Platform.Errors;

namespace Rapport.Tests.Catalog;

public sealed class RequestFormDesignTests
{
    private static FormFieldDraft Draft(string? key, string label, string kind = FieldKinds.Text, string[]? options = null, string? min = null, string? max = null, string? maxLength = null) =>
        new(key, label, kind, Options: options, Min: min, Max: max, MaxLength: maxLength);

    private static IReadOnlyDictionary<string, string[]> Problems(params FormFieldDraft[] drafts)
    {
        var result = RequestFormDesign.Check(drafts);
        Assert.False(result.Succeeded, "The form was accepted.");
        return Assert.IsType<Invalid>(result.Error).Fields;
    }

    [Fact]
    public void GoodForm_IsKeptInOrder_WithSettingsThatFitEachKind()
    {
        var result = RequestFormDesign.Check(
        [
            Draft("model", " Which model? ", FieldKinds.Choice, ["A", " B ", ""], min: "1"),
            Draft("count", "How many", FieldKinds.Number, ["ignored"], "1", "10", "5"),
            Draft("note", "Anything else?", FieldKinds.LongText, maxLength: "500"),
        ]);

        Assert.True(result.Succeeded, result.Error?.Detail);
        Assert.Equal(["model", "count", "note"], result.Value.Select(f => f.Key));
        Assert.Equal("Which model?", result.Value[0].Label);
        Assert.Equal(["A", "B"], result.Value[0].Options);
        Assert.Null(result.Value[0].Min);
        Assert.Empty(result.Value[1].Options);
        Assert.Equal((1m, 10m, (int?)null), (result.Value[1].Min, result.Value[1].Max, result.Value[1].MaxLength));
        Assert.Equal(500, result.Value[2].MaxLength);
    }

    [Fact]
    public void MissingKey_IsMadeFromTheQuestion()
    {
        var result = RequestFormDesign.Check([Draft(null, "Which laptop model?")]);

        Assert.Equal("which-laptop-model", Assert.Single(result.Value!).Key);
    }

    [Fact]
    public void DuplicateKey_IsNamedOnTheSecondField()
    {
        var problems = Problems(Draft("asset", "Asset"), Draft("asset", "Asset again"));

        Assert.Equal(["fields[1].key"], problems.Keys);
        Assert.Contains("“asset”", problems["fields[1].key"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asset Tag")]
    [InlineData("asset--tag")]
    [InlineData("-asset")]
    [InlineData("étiquette")]
    public void KeyThatIsNotUrlSafe_GetsAMessage(string key) =>
        Assert.Contains("lowercase letters", Problems(Draft(key, "Asset"))["fields[0].key"][0], StringComparison.Ordinal);

    [Theory]
    [InlineData(FieldKinds.Choice)]
    [InlineData(FieldKinds.MultiChoice)]
    public void ChoiceWithoutOptions_GetsAMessageOnItsOptions(string kind) =>
        Assert.Contains("options to choose from", Problems(Draft("size", "Size", kind, ["  ", ""]))["fields[0].options"][0], StringComparison.Ordinal);

    [Fact]
    public void OptionGivenTwice_GetsAMessage() =>
        Assert.Contains("“Red” is in the options twice", Problems(Draft("colour", "Colour", FieldKinds.Choice, ["Red", "Blue", "Red"]))["fields[0].options"][0], StringComparison.Ordinal);

    [Fact]
    public void MinAboveMax_IsNamedOnMax() =>
        Assert.Equal("The largest answer (2) is below the smallest (5): swap them, or change one.",
            Problems(Draft("count", "Count", FieldKinds.Number, min: "5", max: "2"))["fields[0].max"][0]);

    [Fact]
    public void NumbersThatAreNotNumbers_GetAMessageEach()
    {
        var problems = Problems(Draft("count", "Count", FieldKinds.Number, min: "ten", max: "lots"), Draft("note", "Note", maxLength: "0"));

        Assert.Contains("must be a number", problems["fields[0].min"][0], StringComparison.Ordinal);
        Assert.Contains("must be a number", problems["fields[0].max"][0], StringComparison.Ordinal);
        Assert.Contains("whole number", problems["fields[1].maxLength"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void MissingQuestionAndUnknownKind_AreNamed()
    {
        var problems = Problems(new FormFieldDraft("x", "  ", "colour-picker"));

        Assert.Contains("Write the question", problems["fields[0].label"][0], StringComparison.Ordinal);
        Assert.Contains("Choose the kind of answer", problems["fields[0].kind"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemOfEveryField_IsToldAtOnce() =>
        Assert.Equal(["fields[0].options", "fields[1].key", "fields[2].max"], Problems(
            Draft("a", "A", FieldKinds.Choice),
            Draft("a", "B"),
            Draft("c", "C", FieldKinds.Number, min: "3", max: "1")).Keys.Order(StringComparer.Ordinal));
}
