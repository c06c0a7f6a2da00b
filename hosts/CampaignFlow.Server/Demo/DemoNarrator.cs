using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Server.Demo;

/// <summary>
/// Tells the demo's story in the log: after each campaign day it compares what it saw before with the units'
/// state and the open violations now, and logs each phase that opened, each gate that started or stopped
/// waiting, and each violation that opened or resolved.
/// </summary>
/// <param name="log">Where the story goes.</param>
internal sealed partial class DemoNarrator(ILogger log)
{
    private readonly Dictionary<string, StoredViolation> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _phases = new(StringComparer.Ordinal);
    private readonly HashSet<(string Unit, string Action)> _gates = [];
    private readonly HashSet<(string Unit, string Action)> _rework = [];

    /// <summary>Logs what changed since the last call.</summary>
    /// <param name="service">The campaign service.</param>
    /// <param name="units">The units replayed.</param>
    /// <param name="day">The campaign day.</param>
    /// <param name="cancellationToken">Stops it.</param>
    public async Task NarrateAsync(CampaignService service, IReadOnlyList<CampaignUnit> units, DateOnly day, CancellationToken cancellationToken)
    {
        foreach (var unit in units)
        {
            if (await service.GetStateAsync(unit.Id, cancellationToken).ConfigureAwait(false) is not { } state)
            {
                continue;
            }

            var phases = string.Join(", ", state.Phases.Where(p => state.CurrentPhases.Contains(p.Id)).Select(p => $"{p.Id} {p.Title}"));
            if (_phases.GetValueOrDefault(unit.Id, "") != phases)
            {
                _phases[unit.Id] = phases;
                LogPhases(day, unit.Id, phases.Length == 0 ? "none" : phases);
            }

            var gates = state.WaitingGates.Select(g => (unit.Id, g.ActionId)).ToHashSet();
            foreach (var gate in state.WaitingGates.Where(g => !_gates.Contains((unit.Id, g.ActionId))))
            {
                LogGateWaiting(day, unit.Id, gate.ActionId, string.Join(", ", gate.RolesToApprove), string.Join(", ", gate.Gates));
            }

            foreach (var passed in _gates.Where(g => g.Unit == unit.Id && !gates.Contains(g)).ToArray())
            {
                LogGatePassed(day, unit.Id, passed.Action);
                _gates.Remove(passed);
            }

            _gates.UnionWith(gates);
            foreach (var action in state.OpenActions.Where(a => a.Status == "rework" && _rework.Add((unit.Id, a.Id))))
            {
                LogRework(day, unit.Id, action.Id, action.Title);
            }

            _rework.RemoveWhere(r => r.Unit == unit.Id && !state.OpenActions.Any(a => a.Id == r.Action && a.Status == "rework"));
        }

        var now = new Dictionary<string, StoredViolation>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += 1000)
        {
            var page = await service.QueryViolationsAsync(new ViolationQuery { Status = ViolationStatus.Open, Offset = offset, Limit = 1000 }, cancellationToken).ConfigureAwait(false);
            foreach (var v in page.Items)
            {
                now[v.Id] = v;
            }

            if (page.Items.Count < 1000)
            {
                break;
            }
        }

        foreach (var v in now.Values.Where(v => !_open.ContainsKey(v.Id)))
        {
            LogViolationOpened(day, v.Unit, v.RequirementId, v.Period, v.MessageZh);
        }

        foreach (var v in _open.Values.Where(v => !now.ContainsKey(v.Id)))
        {
            LogViolationResolved(day, v.Unit, v.RequirementId, v.Period, v.MessageZh);
        }

        _open.Clear();
        foreach (var (id, v) in now)
        {
            _open[id] = v;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo {Day:yyyy-MM-dd}: {Unit} is now in phase: {Phases}")]
    private partial void LogPhases(DateOnly day, string unit, string phases);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo {Day:yyyy-MM-dd}: {Unit} gate {Action} waits for approval by {Roles} before {Gated}")]
    private partial void LogGateWaiting(DateOnly day, string unit, string action, string roles, string gated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo {Day:yyyy-MM-dd}: {Unit} gate {Action} approved")]
    private partial void LogGatePassed(DateOnly day, string unit, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo {Day:yyyy-MM-dd}: {Unit} must hold {Action} ({Title}) again: its evaluation failed (re-work)")]
    private partial void LogRework(DateOnly day, string unit, string action, string title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo {Day:yyyy-MM-dd}: violation opened for {Unit}: {Requirement} {Period}: {Message}")]
    private partial void LogViolationOpened(DateOnly day, string unit, string requirement, string period, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo {Day:yyyy-MM-dd}: violation resolved for {Unit}: {Requirement} {Period}: {Message}")]
    private partial void LogViolationResolved(DateOnly day, string unit, string requirement, string period, string message);
}
