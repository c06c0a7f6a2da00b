using System.Collections.Concurrent;
using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Units;

/// <summary>
/// The units this service runs, found by id or by workflow correlation in a dictionary. What a unit needs at run time
/// (its compiled plan, its lock) is made on its first use, so a unit nobody touches costs its entry and nothing more.
/// </summary>
/// <threadsafety>Safe for concurrent use.</threadsafety>
internal sealed class UnitRegistry : IDisposable
{
    private readonly Dictionary<string, StartedUnit> _byId;
    private readonly Dictionary<string, string> _byInstanceKey;
    private readonly ConcurrentDictionary<string, Lazy<RunningUnit>> _running = new(StringComparer.Ordinal);
    private readonly PlanCompilations _compilations;

    public UnitRegistry(IReadOnlyList<StartedUnit> started, PlanCompilations compilations)
    {
        _compilations = compilations;
        _byId = started.ToDictionary(u => u.Unit.Id, StringComparer.Ordinal);
        _byInstanceKey = started.ToDictionary(u => CampaignSignals.InstanceKey(u.Unit.Id, u.Unit.PlanVersion), u => u.Unit.Id, StringComparer.Ordinal);
        Tree = new OrganisationTree(started.Select(u => u.Unit).ToArray());
    }

    /// <summary>The running units in their hierarchy.</summary>
    public OrganisationTree Tree { get; }

    /// <summary>The running unit with this id, made on first use; or null.</summary>
    public RunningUnit? Find(string unitId) =>
        _byId.TryGetValue(unitId, out var started) ? _running.GetOrAdd(unitId, _ => new Lazy<RunningUnit>(() => Run(started))).Value : null;

    /// <summary>The running unit of a workflow instance's correlation key, or null (an instance of a superseded version).</summary>
    public RunningUnit? FindByInstanceKey(string correlationKey) =>
        _byInstanceKey.TryGetValue(correlationKey, out var unitId) ? Find(unitId) : null;

    public void Dispose()
    {
        foreach (var unit in _running.Values.Where(u => u.IsValueCreated))
        {
            unit.Value.Lock.Dispose();
        }
    }

    private RunningUnit Run(StartedUnit started) => new(started.Unit, _compilations.For(started.Plan), started.InstanceId);
}

