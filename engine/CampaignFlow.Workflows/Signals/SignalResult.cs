namespace CampaignFlow.Workflows.Signals;

/// <summary>The answer to <c>SendSignalAsync</c>.</summary>
/// <param name="InboxItemId">The inbox item holding the signal (the earlier one for a duplicate).</param>
/// <param name="Disposition">Delivered, parked or duplicate.</param>
/// <param name="InstancesResumed">How many instances it was applied to in this call.</param>
public sealed record SignalResult(string InboxItemId, SignalDisposition Disposition, int InstancesResumed);
