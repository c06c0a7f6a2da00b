using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Runtime;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Campaigns.Progress;

/// <summary>Moves a unit's workflow on from its records: every bookmark they now satisfy is resumed (<see cref="BookmarkSignals"/>).</summary>
/// <param name="runtime">The workflow runtime.</param>
internal sealed class WorkflowProgress(WorkflowRuntime runtime)
{
    private const int MaxSignalRounds = 32;

    /// <summary>
    /// <see cref="SignalAsync"/> for each unit, with their instances read in one call and the first round's signals of
    /// every unit sent in one batch (one transaction for the inbox, one for the instances they move); only a unit whose
    /// signals resumed something goes on to further rounds alone, as its resumed steps may open new bookmarks.
    /// </summary>
    public async Task SignalManyAsync(IReadOnlyList<(RunningUnit Unit, UnitSession Session)> units, CancellationToken ct)
    {
        var states = await runtime.GetInstancesAsync(units.Select(u => u.Unit.InstanceId).ToArray(), ct).ConfigureAwait(false);
        var signals = new List<Signal>();
        var owners = new List<(RunningUnit Unit, UnitSession Session, int From, int Count)>();
        foreach (var (unit, session) in units)
        {
            if (states.GetValueOrDefault(unit.InstanceId) is { Status: WorkflowStatus.Running or WorkflowStatus.Faulted } state)
            {
                var mine = BookmarkSignals.For(unit.Compiled.Campaign, unit.Compiled.Rules, state, session.Compliance.Records.Values.ToArray());
                if (mine.Count > 0)
                {
                    owners.Add((unit, session, signals.Count, mine.Count));
                    signals.AddRange(mine);
                }
            }
        }

        if (signals.Count == 0)
        {
            return;
        }

        var results = await runtime.SendSignalsAsync(signals, ct).ConfigureAwait(false);
        foreach (var (unit, session, from, count) in owners)
        {
            if (results.Skip(from).Take(count).Any(r => r.InstancesResumed > 0))
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
