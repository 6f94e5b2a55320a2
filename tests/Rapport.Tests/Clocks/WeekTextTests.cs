using Rapport.Clocks.Domain;

namespace Rapport.Tests.Clocks;

/// <summary>Working hours as people type them in the calendar editor.</summary>
public sealed class WeekTextTests
{
    [Theory]
    [InlineData("09:00–12:00, 13:00–17:00", "540-720,780-1020")]
    [InlineData("9-17", "540-1020")]
    [InlineData("08.30 to 16.45", "510-1005")]
    [InlineData("24h", "0-1440")]
    [InlineData("18:00-24:00", "1080-1440")]
    [InlineData("closed", "")]
    [InlineData("", "")]
    public void Parse_ReadsTheUsualWays(string typed, string expected)
    {
        var (hours, error) = WeekText.Parse(DayOfWeek.Monday, typed);

        Assert.Null(error);
        Assert.Equal(expected, string.Join(",", hours.Select(h => $"{h.StartMinute}-{h.EndMinute}")));
        Assert.All(hours, h => Assert.Equal(DayOfWeek.Monday, h.Day));
    }

    [Theory]
    [InlineData("17:00-09:00", "ends before it starts")]
    [InlineData("09:00-13:00, 12:00-17:00", "overlap")]
    [InlineData("nine to five", "not understood")]
    [InlineData("09:00-25:00", "not understood")]
    public void Parse_SaysWhatIsWrong(string typed, string said)
    {
        var (_, error) = WeekText.Parse(DayOfWeek.Tuesday, typed);

        Assert.Contains(said, error, StringComparison.Ordinal);
        Assert.Contains("Tuesday", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_WritesBackWhatWasTyped()
    {
        var (hours, _) = WeekText.Parse(DayOfWeek.Friday, "9-12, 13-17");

        Assert.Equal("09:00–12:00, 13:00–17:00", WeekText.Format(hours, DayOfWeek.Friday));
        Assert.Equal("closed", WeekText.Format(hours, DayOfWeek.Saturday));
    }

    [Fact]
    public void Summary_GroupsDaysAlike()
    {
        var office = WorkingTimeTests.OfficeHours("Europe/Berlin").Hours;
        var always = WorkingTimeTests.AlwaysOpen("America/New_York").Hours;

        Assert.Equal("Mon–Fri 09:00–17:00", WeekText.Summary(office));
        Assert.Equal("every day 24h", WeekText.Summary(always));
    }
}
