namespace CampaignFlow.Plans.Resolution;

/// <summary>The roles and ranks every plan knows without declaring them.</summary>
public static class BuiltInVocabulary
{
    /// <summary>The role of the supervision group's members; external to the unit.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Built-in roles by id, with their Chinese titles and whether they are external to the unit.</summary>
    public static IReadOnlyDictionary<string, (string Title, bool External)> Roles { get; } = new Dictionary<string, (string, bool)>
    {
        ["principal"] = ("主要负责人", false),
        ["leadership"] = ("领导班子成员", false),
        ["party-member"] = ("党员", false),
        ["department-head"] = ("部门负责人", false),
        ["branch-secretary"] = ("支部书记", false),
        [Supervisor] = ("督导组成员", true),
    };

    /// <summary>Built-in ranks.</summary>
    public static IReadOnlyList<string> Ranks { get; } = ["省部级", "厅局级", "县处级", "县级", "乡科级", "科级", "一般干部"];
}
