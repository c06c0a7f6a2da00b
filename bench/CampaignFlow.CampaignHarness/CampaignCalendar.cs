namespace CampaignFlow.CampaignHarness;

/// <summary>
/// The days the harness moves the clock through and the weeks it posts in: from the day the host's clock starts (the
/// earliest campaign's first day) to a few days after September, so the campaign's last periods (closing on
/// 9月30日) are closed and judged. Weeks are ISO weeks, Monday to Sunday, numbered from the one holding the first day.
/// </summary>
internal sealed class CampaignCalendar(DateOnly first)
{
    /// <summary>The last day: the campaign ends on 9月30日; a few days more let its last closings fire.</summary>
    public static readonly DateOnly CampaignEnd = new(2014, 9, 30);

    private readonly DateOnly _firstMonday = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));

    public DateOnly First { get; } = first;

    public DateOnly Last { get; } = CampaignEnd.AddDays(5);

    /// <summary>The week <paramref name="day"/> falls in.</summary>
    public int WeekOf(DateOnly day) => (day.DayNumber - _firstMonday.DayNumber) / 7;

    /// <summary>True on the day a week's records are posted: its Sunday, or the last day of the run.</summary>
    public bool EndsWeek(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday || day == Last;

    /// <summary>The Monday that begins week <paramref name="week"/>.</summary>
    public DateOnly Monday(int week) => _firstMonday.AddDays(7 * week);
}
