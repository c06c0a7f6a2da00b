namespace CampaignFlow.CampaignHarness;

/// <summary>The activities of 魏都区委's vocabulary (its plan's <c>activities:</c>) the generated units record.</summary>
internal enum RecordKind : byte
{
    /// <summary>群众评价 (WD-05), with a participant group.</summary>
    MassEvaluation,

    /// <summary>到联系点征求意见建议 (WD-06).</summary>
    ContactPoint,

    /// <summary>分批参观学习 (WD-08), with the base visited.</summary>
    BaseVisit,

    /// <summary>走访慰问回头看 (WD-07).</summary>
    Revisit,
}
