namespace CampaignFlow.Workflows.Signals;

/// <summary>What became of a sent signal.</summary>
public enum SignalDisposition
{
    /// <summary>Applied to at least one instance.</summary>
    Delivered,

    /// <summary>No bookmark matches yet; it waits in the inbox until one appears or it expires.</summary>
    Parked,

    /// <summary>A signal with the same idempotency key was already received; nothing was done.</summary>
    Duplicate,
}
