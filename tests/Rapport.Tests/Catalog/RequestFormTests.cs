using Rapport.Catalog.Domain;

namespace Rapport.Tests.Catalog;

public sealed class RequestFormTests
{
    private static readonly List<FormField> Fields =
    [
        new() { Key = "device", Label = "Device", Required = true },
        new() { Key = "count", Label = "How many", Kind = FieldKinds.Number, Min = 1, Max = 10 },
        new() { Key = "by", Label = "Needed by", Kind = FieldKinds.Date },
        new() { Key = "model", Label = "Model", Kind = FieldKinds.Choice, Options = ["A", "B"] },
        new() { Key = "apps", Label = "Apps", Kind = FieldKinds.MultiChoice, Options = ["X", "Y"] },
        new() { Key = "who", Label = "For whom", Kind = FieldKinds.Person },
        new() { Key = "note", Label = "Note", MaxLength = 5 },
    ];

    private static Dictionary<string, string> Check(params (string Key, string? Value)[] answers) =>
        RequestForm.Validate(Fields, answers.ToDictionary(a => a.Key, a => a.Value));

    [Fact]
    public void ValidAnswers_HaveNoErrors() =>
        Assert.Empty(Check(("device", "Laptop"), ("count", "3"), ("by", "2026-04-01"), ("model", "B"), ("apps", "X\nY"), ("who", "a@b.org"), ("note", "ok")));

    [Fact]
    public void MissingRequiredField_IsNamedWithItsLabel() =>
        Assert.Equal("Device is required.", Check(("device", "  "))["device"]);

    [Theory]
    [InlineData("count", "many", "How many must be a number.")]
    [InlineData("count", "0", "How many must be at least 1.")]
    [InlineData("count", "11", "How many can be at most 10.")]
    [InlineData("by", "01/04/2026", "Needed by must be a date (YYYY-MM-DD).")]
    [InlineData("model", "C", "Choose one of the options for Model.")]
    [InlineData("apps", "X\nZ", "Choose only from the options for Apps.")]
    [InlineData("who", "Ben", "For whom must be a person's e-mail address.")]
    [InlineData("note", "too long", "Note can be at most 5 characters.")]
    public void WrongAnswer_GetsAClearMessage(string key, string value, string message) =>
        Assert.Equal(message, Check(("device", "Laptop"), (key, value))[key]);

    [Fact]
    public void UnknownField_IsAnError() =>
        Assert.Contains("colour", Check(("device", "Laptop"), ("colour", "red")).Keys);
}
