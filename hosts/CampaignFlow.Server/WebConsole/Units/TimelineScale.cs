using System.Globalization;

namespace CampaignFlow.Server.WebConsole.Units;

/// <summary>
/// Where a day falls on a unit's timeline, as a percentage of its width: the first day of the campaign's first phase
/// at 0, the end of its last at 100; days outside are drawn at the edges.
/// </summary>
/// <param name="First">The first day drawn.</param>
/// <param name="Last">The last day drawn.</param>
public sealed record TimelineScale(DateOnly First, DateOnly Last)
{
    private int Days => Math.Max(1, Last.DayNumber - First.DayNumber + 1);

    /// <summary>The left edge of <paramref name="day"/>, in percent (CSS, invariant digits).</summary>
    /// <param name="day">The day.</param>
    public string Left(DateOnly day) => Percent(Math.Clamp(day.DayNumber - First.DayNumber, 0, Days));

    /// <summary>The width of the days from <paramref name="start"/> to <paramref name="end"/> inclusive, in percent.</summary>
    /// <param name="start">The first day.</param>
    /// <param name="end">The last day.</param>
    public string Width(DateOnly start, DateOnly end)
    {
        var from = Math.Clamp(start.DayNumber - First.DayNumber, 0, Days);
        var to = Math.Clamp(end.DayNumber - First.DayNumber + 1, 0, Days);
        return Percent(Math.Max(0, to - from));
    }

    /// <summary>True when <paramref name="day"/> is on the timeline.</summary>
    /// <param name="day">The day.</param>
    public bool Shows(DateOnly day) => day >= First && day <= Last;

    private string Percent(int days) => (100.0 * days / Days).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
