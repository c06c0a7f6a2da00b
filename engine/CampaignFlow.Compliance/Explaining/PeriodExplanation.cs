namespace CampaignFlow.Compliance.Explaining;

/// <summary>One period (and target) of a requirement: whether it is met, violated or still open, and on which records.</summary>
/// <param name="Period">The period's label (<c>2014-W10</c>, <c>window</c>…).</param>
/// <param name="Target">The person, branch, department or group it is counted for, or null for the unit.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day.</param>
/// <param name="Status"><c>met</c>, <c>violated</c> or <c>pending</c> (not closed at the moment asked about).</param>
/// <param name="Violations">The violations the rules opened there (several for a judge of each record, such as a ledger's items).</param>
/// <param name="Records">The records of the subject in the period and how each fared.</param>
public sealed record PeriodExplanation(
    string Period,
    string? Target,
    DateOnly Start,
    DateOnly End,
    string Status,
    IReadOnlyList<ViolationFound> Violations,
    IReadOnlyList<RecordCheck> Records)
{
    /// <summary>
    /// The requirement's compliance rule node by node for this period's due (for a period not closed, the due that
    /// would close it: absent, and the nodes after it as if it had closed); null on an engine that cannot say
    /// (NRules: see <see cref="RequirementExplanation.NodeByNode"/>).
    /// </summary>
    public IReadOnlyList<RuleNodeCheck>? Nodes { get; init; }
}
