namespace CampaignFlow.Plans.Text;

/// <summary>
/// Which days people work: Monday to Friday, except the statutory holidays, plus the Saturdays and Sundays worked
/// instead (调休), for the years a plan's holidays list. Years it does not list are Monday to Friday.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _off;
    private readonly HashSet<DateOnly> _worked;
    private readonly HashSet<int> _years;

    /// <summary>A calendar of the given days off and days worked.</summary>
    /// <param name="off">The holidays' days off (weekend days among them change nothing).</param>
    /// <param name="worked">The Saturdays and Sundays worked instead.</param>
    /// <param name="years">The years the days were given for.</param>
    /// <param name="holidays">The holidays the days come from, by name, for people reading the plan.</param>
    /// <param name="file">The holidays file as the plan names it, or null when the days are written inline.</param>
    public WorkingCalendar(IEnumerable<DateOnly> off, IEnumerable<DateOnly> worked, IEnumerable<int> years, IEnumerable<Holiday>? holidays = null, string? file = null)
    {
        _off = [.. off];
        _worked = [.. worked];
        _years = [.. years];
        Holidays = holidays?.OrderBy(h => h.Off.Start).ToArray() ?? [];
        File = file;
    }

    /// <summary>The holidays the calendar was built from, in order of their first day off.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>The holidays file as the plan names it (<c>calendar/china.holidays.yaml</c>), or null when inline or none.</summary>
    public string? File { get; }

    /// <summary>Monday to Friday, no holidays: what working days meant before plans named their holidays.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([], [], []);

    /// <summary>The years whose holidays this calendar knows, in order.</summary>
    public IReadOnlyList<int> Years => _years.Order().ToArray();

    /// <summary>True when this calendar knows the holidays of <paramref name="year"/>.</summary>
    /// <param name="year">A year.</param>
    public bool Covers(int year) => _years.Contains(year);

    /// <summary>True when people work on <paramref name="day"/>: a 调休 weekend day, or a weekday that is no holiday.</summary>
    /// <param name="day">A day.</param>
    public bool IsWorkingDay(DateOnly day) =>
        _worked.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_off.Contains(day));

    /// <summary>
    /// The day on which <paramref name="count"/> working days after <paramref name="day"/> run out: 7个工作日 after
    /// Tuesday 2014-09-30 is Wednesday 2014-10-15 (国庆节 1–7 October off, Saturday 11 October worked).
    /// </summary>
    /// <param name="day">The day counting starts after.</param>
    /// <param name="count">Working days; part of one still needs that day.</param>
    public DateOnly AddWorkingDays(DateOnly day, decimal count)
    {
        var left = Math.Ceiling(count);
        var last = day;
        while (left > 0)
        {
            last = last.AddDays(1);
            if (IsWorkingDay(last))
            {
                left--;
            }
        }

        return last;
    }

    /// <summary>How many working days there are from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
