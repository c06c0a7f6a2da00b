using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignFlow.Plans.Text;

/// <summary>
/// An amount as a plan states it: working time (<c>半天</c>, <c>4小时</c>), a calendar length
/// (<c>一周</c>, <c>3个月</c>) or a count (<c>四次</c>, <c>1200名</c>).
/// </summary>
/// <param name="Value">The number, in <paramref name="Unit"/>s.</param>
/// <param name="Unit">What is measured.</param>
/// <param name="Label">For counts, the measure word as written (<c>次</c>, <c>场</c>, <c>名</c>); otherwise empty.</param>
/// <param name="Text">The text as written in the plan.</param>
public sealed partial record Quantity(decimal Value, QuantityUnit Unit, string Label, string Text)
{
    private static readonly (string Suffix, QuantityUnit Unit)[] Suffixes =
    [
        ("学时", QuantityUnit.ClassHours), ("學時", QuantityUnit.ClassHours), ("课时", QuantityUnit.ClassHours), ("課時", QuantityUnit.ClassHours),
        ("个小时", QuantityUnit.Hours), ("個小時", QuantityUnit.Hours), ("小时", QuantityUnit.Hours), ("小時", QuantityUnit.Hours),
        ("hours", QuantityUnit.Hours), ("hour", QuantityUnit.Hours), ("h", QuantityUnit.Hours),
        ("个工作日", QuantityUnit.WorkDays), ("工作日", QuantityUnit.WorkDays), ("working days", QuantityUnit.WorkDays), ("workdays", QuantityUnit.WorkDays),
        ("天", QuantityUnit.WorkDays), ("日", QuantityUnit.WorkDays),
        ("days", QuantityUnit.WorkDays), ("day", QuantityUnit.WorkDays), ("d", QuantityUnit.WorkDays),
        ("个星期", QuantityUnit.Weeks), ("星期", QuantityUnit.Weeks), ("周", QuantityUnit.Weeks), ("週", QuantityUnit.Weeks),
        ("weeks", QuantityUnit.Weeks), ("week", QuantityUnit.Weeks), ("w", QuantityUnit.Weeks),
        ("个月", QuantityUnit.Months), ("個月", QuantityUnit.Months), ("months", QuantityUnit.Months), ("month", QuantityUnit.Months),
        ("年", QuantityUnit.Years), ("years", QuantityUnit.Years), ("year", QuantityUnit.Years), ("y", QuantityUnit.Years),
    ];

    private static readonly string[] CountWords =
    [
        "人次", "场次", "次", "场", "場", "个", "個", "项", "項", "条", "條", "名", "人", "户", "戶", "篇", "份", "期", "批",
        "组", "組", "字", "件", "家", "所", "处", "本", "次以上", "times",
    ];

    // Written as working days, a length skips the days nobody works (3个工作日内); 3天内 is three days on the calendar.
    private static readonly string[] WorkingDaySuffixes = ["个工作日", "工作日", "working days", "workdays"];

    /// <summary>
    /// True when written as working days (<c>3个工作日</c>): as a length after something (<c>within:</c>) it counts
    /// only working days; as working time it is the same as <c>3天</c>.
    /// </summary>
    public bool OnWorkingDays { get; init; }

    /// <summary>True for 半天 (半日): worth the plan's half day, which need not be half of its working day.</summary>
    public bool IsHalfDay { get; init; }

    /// <summary>True for hours, working days and class hours (学时): time spent working.</summary>
    public bool IsWorkingTime => Unit is QuantityUnit.Hours or QuantityUnit.WorkDays or QuantityUnit.ClassHours;

    /// <summary>True for weeks, months and years: a length on the calendar.</summary>
    public bool IsCalendarLength => Unit is QuantityUnit.Weeks or QuantityUnit.Months or QuantityUnit.Years;

    /// <summary>True for a count of things.</summary>
    public bool IsCount => Unit == QuantityUnit.Count;

    /// <summary>The working time in hours, with a working day of <paramref name="workdayHours"/> hours.</summary>
    /// <param name="workdayHours">Hours in one working day (the plan's calendar; 8 by default).</param>
    /// <exception cref="InvalidOperationException">The quantity is not working time.</exception>
    public decimal ToHours(decimal workdayHours) => ToHours(WorkingHours.OfDay(workdayHours));

    /// <summary>The working time in hours, as the plan's words for working time are worth.</summary>
    /// <param name="hours">The plan's 1天, 半天 and 学时 in hours.</param>
    /// <exception cref="InvalidOperationException">The quantity is not working time, or is in 学时 and the plan defines none.</exception>
    public decimal ToHours(WorkingHours hours) => Unit switch
    {
        QuantityUnit.Hours => Value,
        QuantityUnit.WorkDays when IsHalfDay => hours.HalfDay,
        QuantityUnit.WorkDays => Value * hours.Day,
        QuantityUnit.ClassHours when hours.ClassHour is { } classHour => Value * classHour,
        _ => throw new InvalidOperationException($"'{Text}' is not an amount of working time the plan defines."),
    };

    /// <summary>The end of a calendar length that starts at <paramref name="start"/>.</summary>
    /// <param name="start">Where the length starts.</param>
    /// <remarks>Working days count as calendar days here: "会后2天内" means two days on the calendar.</remarks>
    /// <exception cref="InvalidOperationException">The quantity is a count.</exception>
    public DateTimeOffset AddTo(DateTimeOffset start) => Unit switch
    {
        // A plan's checks refuse 学时 as a length; if one gets here it is taken as hours rather than failing a judge.
        QuantityUnit.Hours or QuantityUnit.ClassHours => start.AddHours((double)Value),
        QuantityUnit.WorkDays => start.AddDays((double)Value),
        QuantityUnit.Weeks => start.AddDays((double)(Value * 7)),
        QuantityUnit.Months => start.AddMonths(WholeOrThrow()),
        QuantityUnit.Years => start.AddYears(WholeOrThrow()),
        _ => throw new InvalidOperationException($"'{Text}' is a count, not a length of time."),
    };

    /// <summary>The length in calendar days, with months as 30 days and years as 365: for comparisons, not for dates.</summary>
    public decimal ApproximateDays => Unit switch
    {
        QuantityUnit.Hours or QuantityUnit.ClassHours => Value / 24,
        QuantityUnit.WorkDays or QuantityUnit.Count => Value,
        QuantityUnit.Weeks => Value * 7,
        QuantityUnit.Months => Value * 30,
        QuantityUnit.Years => Value * 365,
        _ => Value,
    };

    /// <summary>
    /// The last day of this length counted from the end of <paramref name="day"/>: <c>一周</c> after 2014-03-07 is
    /// 2014-03-14; <c>3个工作日</c> after Friday 2014-03-07 is Wednesday 2014-03-12, Saturdays and Sundays skipped.
    /// </summary>
    /// <param name="day">The day it counts from (an occurrence's last day).</param>
    /// <exception cref="InvalidOperationException">The quantity is a count.</exception>
    public DateOnly LastDayAfter(DateOnly day) => LastDayAfter(day, WorkingCalendar.WeekendsOnly);

    /// <summary>
    /// The last day of this length counted from the end of <paramref name="day"/>, working days as
    /// <paramref name="calendar"/> has them: <c>7个工作日</c> after 2014-09-30 is 2014-10-15 with 国庆节 and its 调休.
    /// </summary>
    /// <param name="day">The day it counts from (an occurrence's last day).</param>
    /// <param name="calendar">The plan's working days.</param>
    /// <exception cref="InvalidOperationException">The quantity is a count.</exception>
    public DateOnly LastDayAfter(DateOnly day, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return OnWorkingDays
            ? calendar.AddWorkingDays(day, Value)
            : DateOnly.FromDateTime(AddTo(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).DateTime);
    }

    /// <summary>
    /// The amount as an English sentence says it: <c>半天</c> is "half a day", <c>3个工作日</c> "3 working days",
    /// <c>20场</c> "20 sessions", <c>25个</c> "25". A plan's own words stay in the plan; this is for English readers.
    /// </summary>
    public string InEnglish()
    {
        if (IsHalfDay)
        {
            return "half a day";
        }

        var number = Value.ToString("0.##", CultureInfo.InvariantCulture);
        if (Unit == QuantityUnit.Hours && Text.Trim().EndsWith("分钟", StringComparison.Ordinal))
        {
            return Counted((Value * 60).ToString("0.##", CultureInfo.InvariantCulture), "minute", "minutes");
        }

        return Unit switch
        {
            QuantityUnit.Hours => number + " h",
            QuantityUnit.WorkDays when OnWorkingDays => Counted(number, "working day", "working days"),
            QuantityUnit.WorkDays => Counted(number, "day", "days"),
            QuantityUnit.ClassHours => Counted(number, "class hour", "class hours"),
            QuantityUnit.Weeks => Counted(number, "week", "weeks"),
            QuantityUnit.Months => Counted(number, "month", "months"),
            QuantityUnit.Years => Counted(number, "year", "years"),
            _ => CountWordInEnglish(Label) is { } word ? Counted(number, word.One, word.Many) : number,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Reads a quantity as plans write it.</summary>
    /// <param name="text">e.g. <c>半天</c>, <c>1天</c>, <c>两天</c>, <c>4小时</c>, <c>3个月</c>, <c>一周</c>, <c>四次</c>, <c>4h</c>, <c>0.5d</c>, <c>1w</c>, <c>P3M</c>, <c>PT4H</c>.</param>
    /// <param name="quantity">The quantity read.</param>
    /// <param name="error">Why it could not be read, in English.</param>
    /// <returns><see langword="true"/> when the text is a quantity.</returns>
    public static bool TryParse(string text, out Quantity quantity, out TextError error)
    {
        quantity = null!;
        error = TextError.None;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = new TextError("bad-quantity", text);
            return false;
        }

        if (trimmed is "半天" or "半日")
        {
            quantity = new Quantity(0.5m, QuantityUnit.WorkDays, "", text) { IsHalfDay = true };
            return true;
        }

        if (trimmed.StartsWith('P') && TryParseIso(trimmed, out var iso))
        {
            quantity = iso with { Text = text };
            return true;
        }

        // "不少于" and "以上" decorate numbers in the documents; the comparison lives in the key (atLeast).
        var body = trimmed.Replace("以上", "", StringComparison.Ordinal);
        if (body.EndsWith("分钟", StringComparison.Ordinal) && ChineseNumber.TryParse(body[..^2], out var minutes))
        {
            // A class hour is written in minutes (每学时45分钟): minutes are hours here, so that no other unit is needed.
            quantity = new Quantity(minutes / 60, QuantityUnit.Hours, "", text);
            return true;
        }

        foreach (var (suffix, unit) in Suffixes)
        {
            if (body.Length > suffix.Length && body.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && ChineseNumber.TryParse(body[..^suffix.Length], out var value))
            {
                quantity = new Quantity(value, unit, "", text) { OnWorkingDays = WorkingDaySuffixes.Contains(suffix) };
                return true;
            }
        }

        foreach (var word in CountWords)
        {
            if (body.Length > word.Length && body.EndsWith(word, StringComparison.Ordinal)
                && ChineseNumber.TryParse(body[..^word.Length], out var count))
            {
                quantity = new Quantity(count, QuantityUnit.Count, word, text);
                return true;
            }
        }

        if (ChineseNumber.TryParse(body, out var plain))
        {
            quantity = new Quantity(plain, QuantityUnit.Count, "", text);
            return true;
        }

        error = new TextError("bad-quantity", text);
        return false;
    }

    private static string Counted(string number, string one, string many) => $"{number} {(number == "1" ? one : many)}";

    // Measure words whose thing English names; the rest (个, 项, 条, 件 …) count without a word, as English does.
    private static (string One, string Many)? CountWordInEnglish(string label) => label switch
    {
        "次" or "次以上" or "times" => ("time", "times"),
        "场" or "場" or "场次" => ("session", "sessions"),
        "人次" => ("attendance", "attendances"),
        "名" or "人" => ("person", "people"),
        "户" or "戶" => ("household", "households"),
        "篇" => ("article", "articles"),
        "字" => ("character", "characters"),
        _ => null,
    };

    private int WholeOrThrow() => Value == decimal.Truncate(Value)
        ? (int)Value
        : throw new InvalidOperationException($"'{Text}' is not a whole number of months or years.");

    private static bool TryParseIso(string text, out Quantity quantity)
    {
        quantity = null!;
        var match = IsoDuration().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var value = decimal.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = (match.Groups["t"].Success, match.Groups["u"].Value.ToUpperInvariant()) switch
        {
            (true, "H") => QuantityUnit.Hours,
            (false, "D") => QuantityUnit.WorkDays,
            (false, "W") => QuantityUnit.Weeks,
            (false, "M") => QuantityUnit.Months,
            (false, "Y") => QuantityUnit.Years,
            _ => (QuantityUnit?)null,
        };
        if (unit is null)
        {
            return false;
        }

        quantity = new Quantity(value, unit.Value, "", text);
        return true;
    }

    [GeneratedRegex(@"^P(?<t>T)?(?<n>[0-9]+(\.[0-9]+)?)(?<u>[HDWMY])$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoDuration();
}
