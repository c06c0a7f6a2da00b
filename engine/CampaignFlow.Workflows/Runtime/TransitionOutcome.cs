using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Workflows.Runtime;

/// <summary>How a committed (or abandoned) transition ended, the earliest timer it scheduled, and the state it committed.</summary>
internal readonly record struct TransitionOutcome(Transition Result, DateTimeOffset? EarliestTimerScheduled = null, WorkflowInstanceState? Instance = null);
