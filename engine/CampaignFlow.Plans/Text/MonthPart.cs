namespace CampaignFlow.Plans.Text;

/// <summary>The part of a month a period names.</summary>
public enum MonthPart
{
    /// <summary>The whole month (<c>3月</c>).</summary>
    Whole,

    /// <summary>上旬 / 月初: days 1–10.</summary>
    Early,

    /// <summary>中旬: days 11–20.</summary>
    Middle,

    /// <summary>下旬 / 月底 / 月末: day 21 to the month's end.</summary>
    Late,

    /// <summary>上中旬: days 1–20.</summary>
    EarlyAndMiddle,

    /// <summary>中下旬: day 11 to the month's end.</summary>
    MiddleAndLate,
}
