using System.ComponentModel;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// How many of one role attend each occurrence: at least a number (<c>supervisor: 1人</c>, the shorthand of
/// <c>{ atLeast: 1人 }</c>) or exactly a number (<c>leadership: { exactly: 5人 }</c>).
/// </summary>
public sealed record AttendanceSpec : PlanNode
{
    /// <summary>The least number of that role present.</summary>
    [Shorthand, Description("The least number of that role at each occurrence, e.g. 1人.")]
    public Quantity? AtLeast { get; init; }

    /// <summary>The number of that role present, neither more nor fewer.</summary>
    [Description("Exactly this many of that role at each occurrence, e.g. 5人 (the whole 班子, no one from elsewhere).")]
    public Quantity? Exactly { get; init; }

    /// <summary>The amount as written: <c>1人</c>, or <c>exactly 5人</c>.</summary>
    public override string ToString() => Exactly is { } exactly ? "exactly " + exactly.Text : AtLeast?.Text ?? "-";
}
