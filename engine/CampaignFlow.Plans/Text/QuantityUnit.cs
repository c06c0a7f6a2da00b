namespace CampaignFlow.Plans.Text;

/// <summary>What a <see cref="Quantity"/> measures.</summary>
public enum QuantityUnit
{
    /// <summary>Working time in hours (<c>4小时</c>, <c>4h</c>, <c>PT4H</c>).</summary>
    Hours,

    /// <summary>Working time in working days (<c>半天</c>, <c>1天</c>, <c>0.5d</c>); hours come from the plan's calendar.</summary>
    WorkDays,

    /// <summary>Class hours (<c>4学时</c>, <c>4课时</c>): working time of the length the plan's calendar gives one.</summary>
    ClassHours,

    /// <summary>Calendar weeks (<c>一周</c>, <c>1w</c>, <c>P1W</c>).</summary>
    Weeks,

    /// <summary>Calendar months (<c>3个月</c>, <c>P3M</c>).</summary>
    Months,

    /// <summary>Calendar years (<c>1年</c>, <c>P1Y</c>).</summary>
    Years,

    /// <summary>A count of things (<c>4次</c>, <c>20场</c>, <c>1200名</c>, <c>3</c>).</summary>
    Count,
}
