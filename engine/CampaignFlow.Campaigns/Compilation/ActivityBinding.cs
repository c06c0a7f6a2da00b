using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Compilation;

/// <summary>What a waiting activity of a compiled campaign stands for in the plan, so its bookmark can be resumed from the unit's records.</summary>
/// <param name="Kind">What it waits for.</param>
/// <param name="Action">The plan action it belongs to (for an approval: the gate's action).</param>
/// <param name="Gate">For an approval: the gate.</param>
/// <param name="Role">For an approval: the role.</param>
/// <param name="Rework">For a held action that may have to be held again, or a re-work decision: its re-work requirement.</param>
internal sealed record ActivityBinding(BindingKind Kind, ResolvedAction Action, ApprovalGate? Gate = null, string? Role = null, Rework? Rework = null)
{
    /// <summary>For an approval that an action of the gate's phase waits for before its task opens: that action.</summary>
    public ResolvedAction? HeldBack { get; init; }

    /// <summary>For a held action inside a re-work loop: the loop's activity id, whose passes count the re-work rounds.</summary>
    public string? Loop { get; init; }
}
