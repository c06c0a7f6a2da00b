using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Workflows.Activities;

/// <summary>
/// Hands a task to the outside world and completes when a signal named <see cref="WaitForSignal.SignalName"/>
/// (the task name) with its correlation reports it done. Open tasks are the instance's bookmarks of kind
/// <see cref="BookmarkKind.Task"/>.
/// </summary>
/// <param name="id">Stable id.</param>
/// <param name="taskName">The task's name, also the completing signal's name.</param>
/// <param name="correlation">Correlation template, as for <see cref="WaitForSignal"/>.</param>
public sealed class RunTask(string id, string taskName, string? correlation = null) : WaitForSignal(id, taskName, correlation)
{
    /// <inheritdoc />
    protected override BookmarkKind Kind => BookmarkKind.Task;
}
