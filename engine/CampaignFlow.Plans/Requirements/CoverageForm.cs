namespace CampaignFlow.Plans.Requirements;

/// <summary>The form of a coverage requirement.</summary>
public enum CoverageForm
{
    /// <summary>Each of one set with each of another (党组书记分别与班子成员谈心).</summary>
    Star,

    /// <summary>Every pair of one set (班子成员之间相互谈心).</summary>
    AllPairs,

    /// <summary>Each person with the people related to them (班子成员与分管部门负责人谈心).</summary>
    Relation,

    /// <summary>Every listed value of an attribute occurs (5个主题).</summary>
    Values,
}
