using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Runtime;

/// <summary>One pending call into an activity, queued so activities never recurse into each other.</summary>
internal readonly record struct WorkItem(
    WorkKind Kind,
    int ExecutionId,
    ChildCompletion Child = default,
    Bookmark? Bookmark = null,
    Signal? Signal = null,
    ScheduledTimer? Timer = null);
