namespace CampaignFlow.Workflows.Persistence;

/// <summary>Outcome of <see cref="IWorkflowStore.CommitAsync"/>. Anything but <see cref="Committed"/> changed nothing.</summary>
public enum CommitStatus
{
    /// <summary>Everything in the commit was stored atomically.</summary>
    Committed,

    /// <summary>The instance's stored version is not the expected one (or it does not exist).</summary>
    VersionConflict,

    /// <summary>A new instance's (definition id, correlation key) is already taken.</summary>
    DuplicateStart,

    /// <summary>The commit delivers an inbox item this instance already received.</summary>
    AlreadyDelivered,

    /// <summary>The commit delivers or completes an inbox item that is no longer pending.</summary>
    InboxItemNotPending,
}
