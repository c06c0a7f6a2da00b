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

    /// <summary>
    /// <see cref="SignalAsync"/> for each unit, with their instances read in one call: most units at a boundary have
    /// nothing to resume, and only those that do go on to <see cref="SignalAsync"/>'s rounds.
    /// </summary>
    public async Task SignalManyAsync(IReadOnlyList<(RunningUnit Unit, UnitSession Session)> units, CancellationToken ct)
    {
        var states = await runtime.GetInstancesAsync(units.Select(u => u.Unit.InstanceId).ToArray(), ct).ConfigureAwait(false);
        foreach (var (unit, session) in units)
        {
            if (states.GetValueOrDefault(unit.InstanceId) is { Status: WorkflowStatus.Running or WorkflowStatus.Faulted } state
                && BookmarkSignals.For(unit.Compiled.Campaign, unit.Compiled.Rules, state, session.Compliance.Records.Values.ToArray()).Count > 0)
            {
                await SignalAsync(unit, session, ct).ConfigureAwait(false);
            }
        }
    }

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
