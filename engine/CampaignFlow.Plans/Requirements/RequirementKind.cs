namespace CampaignFlow.Plans.Requirements;

/// <summary>The kinds of checkable requirement a plan's actions resolve to (DESIGN §5, and the shapes beyond it).</summary>
public enum RequirementKind
{
    /// <summary>Per week or month, at least an amount (每周集中学习时间不少于半天).</summary>
    PeriodMinimum,

    /// <summary>A number of occurrences in a window (四次集中专题学习).</summary>
    CountInWindow,

    /// <summary>Each occurrence lasts at least a time (会议时间不少于1天).</summary>
    MinimumDuration,

    /// <summary>Done by a date (2月28日前召开动员大会).</summary>
    Deadline,

    /// <summary>Done after other actions, optionally within a time of them (动员大会结束后开展民主评议).</summary>
    Order,

    /// <summary>A document approved by a chain of reviewers, in order, before what it gates (方案报督导组审核).</summary>
    ApprovalGate,

    /// <summary>People met in a star, in all pairs or by a relation, or all values of an attribute covered.</summary>
    Coverage,

    /// <summary>Everyone of a set takes part (每名党员都要参加).</summary>
    Participation,

    /// <summary>Attendance by role, including people from outside the unit (邀请督导组到会).</summary>
    Attendance,

    /// <summary>Done again when an evaluation reaches a threshold or a reviewer returns it (不满意达三分之一以上的要重开).</summary>
    Rework,

    /// <summary>At most an amount per period (每年发文不超过25个).</summary>
    Cap,

    /// <summary>A document published to an audience (整改方案在本单位公示).</summary>
    Publication,

    /// <summary>The unit's activities span at least a length (集中教育时间一般不少于3个月).</summary>
    TotalSpan,

    /// <summary>An amount of an attribute reached (培训1200名).</summary>
    QuantityTarget,

    /// <summary>Each occurrence of an activity obliges its participants (学习后每人交心得, 会后一周内).</summary>
    OccurrenceObligation,

    /// <summary>A ledger kept, its items complete and none overdue (整改台账).</summary>
    Ledger,

    /// <summary>A ledger's items add up by a field (保留16项、废止4项、修订完善37项).</summary>
    LedgerTally,

    /// <summary>Each occurrence reaches an amount of an attribute (每个调研组走访10户困难户).</summary>
    OccurrenceMinimum,

    /// <summary>The people of a selection take part in enough occurrences on average (班子成员人均谈心35人次).</summary>
    PerPersonAverage,

    /// <summary>Each occurrence starts at a time of day (下午3点召开动员大会).</summary>
    StartTime,

    /// <summary>Each occurrence follows an occurrence of other actions of its own (重新进行调研后再报调研报告).</summary>
    OrderEach,

    /// <summary>An action of a phase placed by order, not dates, starts after what the phase follows (动员会后…).</summary>
    PhaseOrder,
}
