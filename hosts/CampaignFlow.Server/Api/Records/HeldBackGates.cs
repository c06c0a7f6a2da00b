using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// The approval gates still waiting that hold back an activity kind: 专题民主生活会 is held once its 方案 is approved by
/// the supervision group. The recording form says so before a meeting is recorded, and the API's answer warns about
/// one recorded while its gate waits; neither refuses it (ADR 0027): a meeting held before approval happened, the
/// seed logs keep such meetings, and the approval gate's violation (gate-held-before-approval) is how auditors see it.
/// </summary>
public static class HeldBackGates
{
    /// <summary>The gates of <paramref name="state"/> waiting for an approval that an action done by an activity of <paramref name="kind"/> waits for.</summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="state">The unit's campaign state.</param>
    /// <param name="kind">An activity kind.</param>
    public static IReadOnlyList<GateState> Of(ResolvedPlan plan, UnitCampaignState state, string kind)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        return state.WaitingGates.Where(g => g.Gates.Any(id => plan.Actions.FirstOrDefault(a => a.Id == id) is { } action
                && action.Requirements.Any(r => r.Subject.Kind == SubjectKind.Activity && r.Subject.Id == kind)))
            .ToArray();
    }

    /// <summary>What the reader calls who approves next at <paramref name="gate"/> (督导组).</summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="gate">A waiting gate.</param>
    public static string Approver(ResolvedPlan plan, GateState gate)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(gate);
        var role = gate.RolesToApprove.FirstOrDefault() ?? "";
        return plan.Vocabulary.TitleOf(role) ?? role;
    }
}
