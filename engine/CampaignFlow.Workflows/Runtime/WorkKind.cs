namespace CampaignFlow.Workflows.Runtime;

internal enum WorkKind
{
    Start,
    ChildCompleted,
    Signal,
    Timer,
}
