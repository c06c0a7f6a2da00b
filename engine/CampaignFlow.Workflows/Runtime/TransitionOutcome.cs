namespace CampaignFlow.Workflows.Runtime;

/// <summary>How a committed (or abandoned) transition ended, and the earliest timer it scheduled.</summary>
internal readonly record struct TransitionOutcome(Transition Result, DateTimeOffset? EarliestTimerScheduled = null);
