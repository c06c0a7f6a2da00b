using System.ComponentModel;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// Makes an action of a body's plan a requirement over the units below the body: each unit (of some kinds) must do
/// what the action says, and the body's own plan is judged on how many did (各单位都要…; 80%以上的单位…; 各单位在区委
/// 动员大会后10天内召开…). The action stays the body's: it is not inherited by the plans below.
/// </summary>
public sealed record AcrossUnitsSpec : PlanNode
{
    /// <summary>The kinds of unit below the body it counts; every unit below when absent.</summary>
    [Description("The kinds of unit below the body that must do it (default: every unit below), e.g. [street, community].")]
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>The share of those units that must have done it; every unit when absent.</summary>
    [Shorthand, Description("The share of those units that must have done it, e.g. 80% or 三分之二 (default: every unit); acrossUnits: 100% says every unit below.")]
    public Fraction? Share { get; init; }

    /// <summary>Each unit does it within this time after the body did it itself (the body records its own).</summary>
    [Description("Each unit must do it within this time after the body's own, e.g. 10天 (the body records its own too).")]
    public Quantity? AfterBody { get; init; }

    /// <summary>Judged for each supervision group of the body over the units it covers, rather than over all of them.</summary>
    [Description("Judge it for each supervision group over the units it covers (督导组到所联系单位…), not over every unit below.")]
    public bool PerGroup { get; init; }
}
