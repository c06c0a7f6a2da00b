namespace CampaignFlow.Plans.Requirements;

/// <summary>People chosen relative to each person of a coverage: "the heads of the departments he oversees".</summary>
public enum Relation
{
    /// <summary>Heads of the departments the person oversees (分管部门负责人).</summary>
    OverseenDepartmentHeads,

    /// <summary>Party members of the department the person heads (部门党员).</summary>
    OwnDepartmentMembers,

    /// <summary>Party members of the person's own branch (本支部党员).</summary>
    OwnBranchMembers,
}
