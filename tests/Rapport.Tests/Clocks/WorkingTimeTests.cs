using Rapport.Clocks.Domain;

namespace Rapport.Tests.Clocks;

/// <summary>Business-time arithmetic: exact over weekends, holidays, midnight, year ends and daylight saving.</summary>
public sealed class WorkingTimeTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static BusinessCalendar OfficeHours(string zone, params Holiday[] holidays) => new()
    {
        Name = "Office hours",
        TimeZone = zone,
        Hours = [.. Weekdays.Select(d => WorkingHours.Of(d, 9, 17))],
        Holidays = [.. holidays],
    };

    public static BusinessCalendar AlwaysOpen(string zone) => new()
    {
        Name = "24×7",
        TimeZone = zone,
        Hours = [.. Enum.GetValues<DayOfWeek>().Select(d => WorkingHours.Of(d, 0, 24))],
    };

    public static WorkingTime On(BusinessCalendar calendar) => WorkingTime.For(calendar).Value!;

    /// <summary>A local time in a zone, as an instant.</summary>
    public static DateTimeOffset Local(string zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new NodaTime.LocalDateTime(year, month, day, hour, minute);
        return NodaTime.DateTimeZoneProviders.Tzdb[zone].AtStrictly(local).ToDateTimeOffset();
    }

    [Fact]
    public void TwoHours_AskedLateOnFriday_AreDueOnMonday()
    {
        var time = On(OfficeHours("Europe/Berlin"));

        var due = time.Add(Local("Europe/Berlin", 2026, 3, 6, 16, 30), TimeSpan.FromHours(2));

        Assert.Equal(Local("Europe/Berlin", 2026, 3, 9, 10, 30), due);
    }

    [Fact]
    public void AskedAtNight_CountsFromTheNextMorning()
    {
        var time = On(OfficeHours("Europe/Berlin"));

        Assert.Equal(Local("Europe/Berlin", 2026, 3, 10, 10), time.Add(Local("Europe/Berlin", 2026, 3, 9, 22), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(8), time.Between(Local("Europe/Berlin", 2026, 3, 6, 12), Local("Europe/Berlin", 2026, 3, 9, 12)));
    }

    [Fact]
    public void Holiday_IsSkipped_AndTheYearEndToo()
    {
        var time = On(OfficeHours("Europe/Berlin", new Holiday(new DateOnly(2027, 1, 1), "New Year's Day")));

        var due = time.Add(Local("Europe/Berlin", 2026, 12, 31, 16), TimeSpan.FromHours(2));

        Assert.Equal(Local("Europe/Berlin", 2027, 1, 4, 10), due);
    }

    [Fact]
    public void SeveralIntervalsADay_AndAcrossMidnight()
    {
        var calendar = new BusinessCalendar
        {
            Name = "Split shift and night cover",
            TimeZone = "Europe/Berlin",
            Hours = [WorkingHours.Of(DayOfWeek.Monday, 9, 12), WorkingHours.Of(DayOfWeek.Monday, 13, 17), new WorkingHours(DayOfWeek.Monday, 22 * 60, WorkingHours.EndOfDay), WorkingHours.Of(DayOfWeek.Tuesday, 0, 2)],
        };
        var time = On(calendar);

        Assert.Equal(Local("Europe/Berlin", 2026, 3, 9, 14), time.Add(Local("Europe/Berlin", 2026, 3, 9, 11), TimeSpan.FromHours(2)));
        Assert.Equal(Local("Europe/Berlin", 2026, 3, 10, 1), time.Add(Local("Europe/Berlin", 2026, 3, 9, 23), TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("Europe/Berlin", 2026, 3, 29, 23)]
    [InlineData("Europe/Berlin", 2026, 10, 25, 25)]
    [InlineData("America/New_York", 2026, 3, 8, 23)]
    [InlineData("America/New_York", 2026, 11, 1, 25)]
    public void DaylightSavingDay_HasTheHoursItReallyHas(string zone, int year, int month, int day, int hours)
    {
        var time = On(AlwaysOpen(zone));
        var midnight = Local(zone, year, month, day, 0);
        var next = new DateOnly(year, month, day).AddDays(1);
        var nextMidnight = Local(zone, next.Year, next.Month, next.Day, 0);

        Assert.Equal(TimeSpan.FromHours(hours), time.Between(midnight, nextMidnight));
        Assert.Equal(nextMidnight, time.Add(midnight, TimeSpan.FromHours(hours)));
        Assert.Equal(midnight.AddHours(24), time.Add(midnight, TimeSpan.FromHours(24)));
    }

    [Theory]
    [InlineData("Europe/Berlin", 2026, 3, 27)]
    [InlineData("Europe/Berlin", 2026, 10, 23)]
    [InlineData("America/New_York", 2026, 3, 6)]
    [InlineData("America/New_York", 2026, 10, 30)]
    public void OfficeHours_AcrossADaylightSavingWeekend_StayAtNineInTheMorning(string zone, int year, int month, int friday)
    {
        var time = On(OfficeHours(zone));

        var monday = new DateOnly(year, month, friday).AddDays(3);

        var due = time.Add(Local(zone, year, month, friday, 16), TimeSpan.FromHours(2));

        Assert.Equal(Local(zone, monday.Year, monday.Month, monday.Day, 10), due);
        Assert.Equal(TimeSpan.FromHours(2), time.Between(Local(zone, year, month, friday, 16), due));
    }

    [Fact]
    public void WorkStartingInTheSpringGap_StartsWhenTheClockJumps()
    {
        var calendar = new BusinessCalendar { Name = "Night run", TimeZone = "Europe/Berlin", Hours = [WorkingHours.Of(DayOfWeek.Sunday, 2, 4)] };
        var time = On(calendar);

        var sunday = Local("Europe/Berlin", 2026, 3, 29, 0);

        Assert.Equal(TimeSpan.FromHours(1), time.Between(sunday, sunday.AddDays(1)));
        Assert.Equal(Local("Europe/Berlin", 2026, 3, 29, 3, 30), time.Add(sunday, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void BadCalendars_AreRefusedWithReasons()
    {
        var zone = WorkingTime.For(new BusinessCalendar { Name = "x", TimeZone = "Mars/Olympus", Hours = [WorkingHours.Of(DayOfWeek.Monday, 9, 17)] });
        var none = WorkingTime.For(new BusinessCalendar { Name = "x", TimeZone = "UTC" });
        var overlap = WorkingTime.For(new BusinessCalendar { Name = "x", TimeZone = "UTC", Hours = [WorkingHours.Of(DayOfWeek.Monday, 9, 13), WorkingHours.Of(DayOfWeek.Monday, 12, 17)] });

        Assert.Contains("not a time zone", zone.Error!.Detail + string.Join(" ", ((Rapport.Platform.Errors.Invalid)zone.Error).Fields["timeZone"]), StringComparison.Ordinal);
        Assert.Equal("Give at least one working interval.", ((Rapport.Platform.Errors.Invalid)none.Error!).Fields["hours"][0]);
        Assert.Equal("On Monday two intervals overlap.", ((Rapport.Platform.Errors.Invalid)overlap.Error!).Fields["hours"][0]);
    }
}
