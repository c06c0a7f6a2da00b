using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Compliance.Explaining;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Runtime;

namespace CampaignFlow.Campaigns.Queries;

/// <summary>The read side the API and a console need: a unit's campaign state, records and workflow journal, violations and their history. Nothing here builds a session.</summary>
internal sealed class CampaignQueries(UnitRegistry units, WorkflowRuntime runtime, IViolationStore violations, OpenTallyMirror tallies, IRecordStore records, TimeProvider clock)
{
    public async Task<UnitCampaignState?> GetStateAsync(string unitId, CancellationToken ct)
    {
        if (units.Find(unitId) is not { } unit)
        {
            return null;
        }

        var instance = await runtime.GetInstanceAsync(unit.InstanceId, ct).ConfigureAwait(false);
        var open = await violations.QueryAsync(new ViolationQuery
        {
            Units = [unit.Unit.Id],
            PlanId = unit.Unit.PlanId,
            Status = ViolationStatus.Open,
            Limit = 1,
        }, ct).ConfigureAwait(false);
        return await WithReworkAsync(unit, CampaignStateView.Of(unit, instance, clock.GetUtcNow(), open.Total), ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, UnitCampaignState>> GetStatesAsync(IReadOnlyCollection<string> unitIds, CancellationToken ct)
    {
        var running = unitIds.Distinct(StringComparer.Ordinal).Select(units.Find).OfType<RunningUnit>().ToArray();
        if (running.Length == 0)
        {
            return new Dictionary<string, UnitCampaignState>(StringComparer.Ordinal);
        }

        // One read of the instances and one of the tallies, where a state each would be two queries a unit.
        var instances = await runtime.GetInstancesAsync(running.Select(u => u.InstanceId).ToArray(), ct).ConfigureAwait(false);
        var open = await CountOpenAsync(running, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var states = new Dictionary<string, UnitCampaignState>(StringComparer.Ordinal);
        foreach (var unit in running)
        {
            states[unit.Unit.Id] = await WithReworkAsync(unit, CampaignStateView.Of(unit, instances.GetValueOrDefault(unit.InstanceId), now, open.GetValueOrDefault(unit.Unit.Id)), ct).ConfigureAwait(false);
        }

        return states;
    }

    public bool MayHoldAgain(string unitId) => units.Find(unitId)?.Compiled.Campaign.MayHoldAgain == true;

    // An action to be held again names the occurrence found failed and its last day, which only the records tell (a
    // reviewer's due: sets it at run time); only the few units in that state have their records read.
    private async Task<UnitCampaignState> WithReworkAsync(RunningUnit unit, UnitCampaignState state, CancellationToken ct)
    {
        if (!state.OpenActions.Any(a => a.Status == "rework"))
        {
            return state;
        }

        var decoded = MigrationMark.Decoded(await records.ReadUnitAsync(unit.Unit.Id, cancellationToken: ct).ConfigureAwait(false)).ToArray();
        var actions = state.OpenActions.Select(action =>
        {
            if (action.Status != "rework"
                || unit.Compiled.Campaign.Bindings.Values.FirstOrDefault(b => b.Kind == BindingKind.Held && b.Action.Id == action.Id && b.Rework is not null)?.Rework is not { } rework)
            {
                return action;
            }

            var failed = ReworkVerdicts.Current(rework, decoded).LastOrDefault();
            return action with
            {
                Failed = failed?.Key,
                Due = failed is null ? rework.Window.End : ReworkVerdicts.DueBy(rework, failed, decoded),
            };
        }).ToArray();
        return state with { OpenActions = actions };
    }

    public async Task<IReadOnlyDictionary<string, int>> CountOpenViolationsAsync(IReadOnlyCollection<string> unitIds, CancellationToken ct) =>
        await CountOpenAsync(unitIds.Distinct(StringComparer.Ordinal).Select(units.Find).OfType<RunningUnit>().ToArray(), ct).ConfigureAwait(false);

    public bool HasApprover(string unitId, string role) => units.Find(unitId)?.Compiled.Campaign.Approvers.Contains(role) == true;

    // What GetStateAsync counts — the open violations of the unit's plan, every version — summed from the store's
    // tallies (kept per unit, plan version and requirement as violations change) instead of a query per unit.
    private async Task<Dictionary<string, int>> CountOpenAsync(IReadOnlyList<RunningUnit> running, CancellationToken ct)
    {
        var counts = running.ToDictionary(u => u.Unit.Id, _ => 0, StringComparer.Ordinal);
        if (running.Count == 0)
        {
            return counts;
        }

        var plans = running.ToDictionary(u => u.Unit.Id, u => u.Unit.PlanId, StringComparer.Ordinal);
        foreach (var tally in await tallies.TalliesAsync(counts.Keys, ct).ConfigureAwait(false))
        {
            if (plans.GetValueOrDefault(tally.Unit) == tally.PlanId)
            {
                counts[tally.Unit] += tally.Open;
            }
        }

        return counts;
    }

    public async Task<IReadOnlyList<StoredRecord>?> ReadRecordsAsync(string unitId, long afterSequence, int maxCount, CancellationToken ct) =>
        units.Find(unitId) is null ? null : [.. MigrationMark.Without(await records.ReadUnitAsync(unitId, afterSequence, maxCount, ct).ConfigureAwait(false))];

    public async Task<IReadOnlyList<JournalEntry>?> GetJournalAsync(string unitId, CancellationToken ct) =>
        units.Find(unitId) is { } unit ? await runtime.GetJournalAsync(unit.InstanceId, ct).ConfigureAwait(false) : null;

    /// <summary>Why a requirement of the unit is (not) violated at <paramref name="at"/>, from its stored records; null for an unknown unit or requirement.</summary>
    public async Task<RequirementExplanation?> ExplainAsync(string unitId, string requirementId, DateTimeOffset? at, CancellationToken ct)
    {
        if (units.Find(unitId) is not { } unit || !unit.Compiled.Rules.Judges.ContainsKey(requirementId))
        {
            return null;
        }

        var stored = await records.ReadUnitAsync(unitId, cancellationToken: ct).ConfigureAwait(false);
        return RequirementExplainer.Explain(unit.Compiled.Rules, requirementId, MigrationMark.Decoded(stored).ToArray(), at ?? clock.GetUtcNow(), unitId);
    }

    public async Task<ViolationPage> QueryViolationsAsync(ViolationQuery query, CancellationToken ct) =>
        await violations.QueryAsync(query, ct).ConfigureAwait(false);

    public IAsyncEnumerable<StoredViolation> StreamViolations(ViolationQuery query, CancellationToken ct) => violations.StreamAsync(query, ct);

    public async Task<StoredViolation?> GetViolationAsync(string id, CancellationToken ct) =>
        await violations.GetAsync(id, ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<ViolationEvent>> GetViolationHistoryAsync(string id, CancellationToken ct) =>
        await violations.GetHistoryAsync(id, ct).ConfigureAwait(false);
}
