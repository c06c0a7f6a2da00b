using System.ComponentModel;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>The campaign a plan belongs to.</summary>
public sealed record CampaignSpec : PlanNode
{
    /// <summary>The campaign year: periods written without a year (<c>2月中下旬</c>) fall in it.</summary>
    [PlanRequired, Description("The year that periods written without one (2月中下旬) fall in.")]
    public int Year { get; init; }

    /// <summary>The campaign window, e.g. <c>2月-9月</c> or <c>2013年7月-2014年1月</c>.</summary>
    [PlanRequired, Description("The campaign window, e.g. 2月-9月, 2月中下旬-9月底, 2013年7月-2014年1月.")]
    public Period? Window { get; init; }

    /// <summary>The campaign's name.</summary>
    [Description("The campaign's name, e.g. 党的群众路线教育实践活动.")]
    public string? Name { get; init; }

    /// <summary>Requirement ids of the source this window encodes.</summary>
    [Description("Ids of the sentences this window encodes (SEED-REQUIREMENTS ids such as PY-01).")]
    public IReadOnlyList<string>? Source { get; init; }
}
