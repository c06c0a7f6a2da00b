namespace CampaignFlow.Campaigns.Compilation;

/// <summary>What a waiting activity of a compiled campaign waits for.</summary>
internal enum BindingKind
{
    /// <summary>A record of the action (the activity held, the document written).</summary>
    Held,

    /// <summary>An approval of the gate's document by one role of its chain.</summary>
    Approval,

    /// <summary>The re-work verdict on the latest occurrence of the action.</summary>
    ReworkDecision,
}
