using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>The judge of each requirement kind.</summary>
internal static class JudgeFactory
{
    public static RequirementJudge For(Requirement requirement, JudgeContext context) => requirement.Across is null
        ? ForUnit(requirement, context)
        : new AcrossUnitsJudge(ForUnit(requirement with { Across = null }, context), requirement, context);

    private static RequirementJudge ForUnit(Requirement requirement, JudgeContext context) => requirement switch
    {
        PeriodMinimum r => new PeriodMinimumJudge(r, context),
        Cap r => new CapJudge(r, context),
        CountInWindow r => new CountInWindowJudge(r, context),
        QuantityTarget r => new QuantityTargetJudge(r, context),
        MinimumDuration r => new MinimumDurationJudge(r, context),
        OccurrenceMinimum r => new OccurrenceMinimumJudge(r, context),
        PerPersonAverage r => new PerPersonAverageJudge(r, context),
        Deadline r => new DeadlineJudge(r, context),
        Order r => new OrderJudge(r, context),
        ApprovalGate r => new ApprovalGateJudge(r, context),
        Coverage r => new CoverageJudge(r, context),
        Participation r => new ParticipationJudge(r, context),
        Attendance r => new AttendanceJudge(r, context),
        Rework r => new ReworkJudge(r, context),
        Publication r => new PublicationJudge(r, context),
        TotalSpan r => new TotalSpanJudge(r, context),
        OccurrenceObligation r => new OccurrenceObligationJudge(r, context),
        Ledger r => new LedgerJudge(r, context),
        LedgerTally r => new LedgerTallyJudge(r, context),
        StartTime r => new StartTimeJudge(r, context),
        OrderEach r => new OrderEachJudge(r, context),
        PhaseOrder r => new PhaseOrderJudge(r, context),
        _ => throw new NotSupportedException($"No judge for requirement kind {requirement.Kind}."),
    };
}
