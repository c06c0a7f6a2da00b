namespace CampaignFlow.Compliance.Explaining;

/// <summary>Why a requirement is (not) violated at a moment: its conditions, period by period, record by record.</summary>
/// <param name="RequirementId">The requirement.</param>
/// <param name="StatementZh">What it asks, in Chinese.</param>
/// <param name="StatementEn">What it asks, in English.</param>
/// <param name="At">The moment asked about.</param>
/// <param name="Periods">Its periods, in order: closed ones judged, open ones pending.</param>
/// <param name="OutsidePeriods">Records of its subject that fall in none of its periods (before or after its window).</param>
public sealed record RequirementExplanation(
    string RequirementId,
    string StatementZh,
    string StatementEn,
    DateTimeOffset At,
    IReadOnlyList<PeriodExplanation> Periods,
    IReadOnlyList<RecordCheck> OutsidePeriods)
{
    /// <summary>
    /// Whether each period carries its rule's nodes (<see cref="PeriodExplanation.Nodes"/>): true on our rules engine;
    /// false on NRules, which has no node-by-node explanation (the periods and records are explained all the same).
    /// </summary>
    public bool NodeByNode { get; init; }

    /// <summary>The rules engine the requirement was explained on, as a host option spells it (<c>campaignflow</c>, <c>nrules</c>).</summary>
    public string Engine { get; init; } = string.Empty;
}
