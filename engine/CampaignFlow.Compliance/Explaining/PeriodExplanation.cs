using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Explaining;

/// <summary>One period (and target) of a requirement: whether it is met, violated or still open, and on which records.</summary>
/// <param name="Period">The period's label (<c>2014-W10</c>, <c>window</c>…).</param>
/// <param name="Target">The person, branch, department or group it is counted for, or null for the unit.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day.</param>
/// <param name="Status"><c>met</c>, <c>violated</c> or <c>pending</c> (not closed at the moment asked about).</param>
/// <param name="Violation">The violation when violated, with its message and evidence.</param>
/// <param name="Records">The records of the subject in the period and how each fared.</param>
public sealed record PeriodExplanation(string Period, string? Target, DateOnly Start, DateOnly End, string Status, Violation? Violation, IReadOnlyList<RecordCheck> Records);
