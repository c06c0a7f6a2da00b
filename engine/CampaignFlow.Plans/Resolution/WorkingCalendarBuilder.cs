using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// Checks a plan's holidays (a <c>*.holidays.yaml</c> file or inline) and builds the <see cref="WorkingCalendar"/> its
/// working days follow. Every finding points into the holidays as written, so a bad file is told at its line.
/// </summary>
internal static class WorkingCalendarBuilder
{
    private static readonly string[] ChineseWeekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    /// <summary>The calendar of <paramref name="spec"/>, warning at <paramref name="at"/> of each campaign year it does not list.</summary>
    /// <param name="spec">The holidays as read.</param>
    /// <param name="campaign">The campaign's days, whose years the holidays should list.</param>
    /// <param name="at">Where the plan names its holidays.</param>
    /// <param name="diagnostics">Receives every finding.</param>
    public static WorkingCalendar Build(HolidaysSpec spec, DateWindow? campaign, SourceLocation at, DiagnosticBag diagnostics)
    {
        var off = new HashSet<DateOnly>();
        var worked = new List<(DateOnly Day, SourceLocation At, string Text)>();
        var years = new HashSet<int>();
        var named = new List<Holiday>();
        var written = spec.Years ?? [];
        for (var i = 0; i < written.Count; i++)
        {
            var year = written[i];
            if (year.Damaged)
            {
                continue; // its reading error says what is wrong; guessing its days would only add findings
            }

            if (year.Year is < 1900 or > 2200)
            {
                diagnostics.Error("year-out-of-range", year.At("year"), year.Year.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            if (!years.Add(year.Year))
            {
                diagnostics.Error("holidays-year-twice", year.At("year"), year.Year.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            foreach (var holiday in year.Holidays ?? [])
            {
                if (!holiday.Damaged)
                {
                    Read(holiday, year.Year, off, worked, named, diagnostics);
                }
            }
        }

        foreach (var (day, dayAt, text) in worked)
        {
            if (off.Contains(day))
            {
                diagnostics.Error("holidays-workday-off", dayAt, text);
            }
        }

        if (campaign is not null && years.Count > 0)
        {
            for (var year = campaign.Start.Year; year <= campaign.End.Year; year++)
            {
                if (!years.Contains(year))
                {
                    diagnostics.Warning("holidays-year-missing", at, year.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        return new WorkingCalendar(off, worked.Select(w => w.Day).Where(d => !off.Contains(d)), years, named, spec.File);
    }

    private static void Read(HolidaySpec holiday, int year, HashSet<DateOnly> off, List<(DateOnly, SourceLocation, string)> worked, List<Holiday> named, DiagnosticBag diagnostics)
    {
        var daysOff = holiday.Off is { } days ? Resolve(days, year, holiday.At("off"), diagnostics) : null;
        if (daysOff is not null)
        {
            for (var day = daysOff.Start; day <= daysOff.End; day = day.AddDays(1))
            {
                off.Add(day);
            }
        }

        var workedBefore = worked.Count;

        for (var i = 0; i < (holiday.Workdays?.Count ?? 0); i++)
        {
            var dayAt = holiday.At($"workdays[{i}]");
            if (Resolve(holiday.Workdays![i], year, dayAt, diagnostics) is not { } window)
            {
                continue;
            }

            if (window.Start != window.End)
            {
                diagnostics.Error("holidays-workday-not-one-day", dayAt, holiday.Workdays[i].Text);
            }
            else if (window.Start.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                diagnostics.Error("holidays-workday-not-weekend", dayAt, holiday.Workdays[i].Text, window.Start.DayOfWeek.ToString(), ChineseWeekdays[(int)window.Start.DayOfWeek]);
            }
            else
            {
                worked.Add((window.Start, dayAt, holiday.Workdays[i].Text));
            }
        }

        if (daysOff is not null)
        {
            named.Add(new Holiday(year, holiday.Name, daysOff, worked.Skip(workedBefore).Select(w => w.Item1).Order().ToArray()));
        }
    }

    private static DateWindow? Resolve(Period period, int year, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (period.From is null)
        {
            // "10月7日前" has no first day: a holiday is days off, not a deadline.
            diagnostics.Error("holidays-days-open", at, period.Text);
            return null;
        }

        if (!period.TryResolve(year, null, out var window, out var error))
        {
            diagnostics.Error(error, at);
            return null;
        }

        return window;
    }
}
