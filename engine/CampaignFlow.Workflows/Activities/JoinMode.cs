namespace CampaignFlow.Workflows.Activities;

/// <summary>When a <see cref="Fork"/> completes.</summary>
public enum JoinMode
{
    /// <summary>When every branch has completed.</summary>
    All,

    /// <summary>When the first branch completes; the others are cancelled.</summary>
    Any,
}
