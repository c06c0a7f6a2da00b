using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Runtime;

namespace CampaignFlow.Campaigns.Progress;

/// <summary>Moves a unit's workflow on from its records: every bookmark they now satisfy is resumed (<see cref="BookmarkSignals"/>).</summary>
/// <param name="runtime">The workflow runtime.</param>
internal sealed class WorkflowProgress(WorkflowRuntime runtime)
{
    private const int MaxSignalRounds = 32;

    /// <summary>Resumes every bookmark of the unit's instance that its records satisfy, round after round as resumed steps open new ones.</summary>
    public async Task SignalAsync(RunningUnit unit, UnitSession session, CancellationToken ct)
    {
        var records = session.Compliance.Records.Values.ToArray();
        for (var round = 0; round < MaxSignalRounds; round++)
        {
            if (await runtime.GetInstanceAsync(unit.InstanceId, ct).ConfigureAwait(false) is not { Status: WorkflowStatus.Running or WorkflowStatus.Faulted } state)
            {
                return;
            }

            var delivered = 0;
            foreach (var signal in BookmarkSignals.For(unit.Compiled.Campaign, unit.Compiled.Rules, state, records))
            {
                delivered += (await runtime.SendSignalAsync(signal, ct).ConfigureAwait(false)).InstancesResumed;
            }

            if (delivered == 0)
            {
                return;
            }
        }
    }
}
