using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.WebConsole.Text;

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
                LogLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-phases", c, ShownTime.Day(day, c), unit.Id, phases.Length == 0 ? ApiProblems.Text("log-demo-no-phase", c) : phases)));
            }

            var gates = state.WaitingGates.Select(g => (unit.Id, g.ActionId)).ToHashSet();
            foreach (var gate in state.WaitingGates.Where(g => !_gates.Contains((unit.Id, g.ActionId))))
            {
                LogLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-gate-waiting", c, ShownTime.Day(day, c), unit.Id, gate.ActionId, string.Join(", ", gate.RolesToApprove), string.Join(", ", gate.Gates))));
            }

            foreach (var passed in _gates.Where(g => g.Unit == unit.Id && !gates.Contains(g)).ToArray())
            {
                LogLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-gate-passed", c, ShownTime.Day(day, c), unit.Id, passed.Action)));
                _gates.Remove(passed);
            }

            _gates.UnionWith(gates);
            foreach (var action in state.OpenActions.Where(a => a.Status == "rework" && _rework.Add((unit.Id, a.Id))))
            {
                LogLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-rework", c, ShownTime.Day(day, c), unit.Id, action.Id, action.Title)));
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
            LogWarningLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-violation-opened", c, ShownTime.Day(day, c), v.Unit, v.RequirementId, Period(v, c), Message(v, c))));
        }

        foreach (var v in _open.Values.Where(v => !now.ContainsKey(v.Id)))
        {
            LogLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-violation-resolved", c, ShownTime.Day(day, c), v.Unit, v.RequirementId, Period(v, c), Message(v, c))));
        }

        _open.Clear();
        foreach (var (id, v) in now)
        {
            _open[id] = v;
        }
    }

    // A calendar period by its name (2014年第10周); in Chinese any other (a window, a deadline) by its days, as the console says it.
    private static string Period(StoredViolation violation, System.Globalization.CultureInfo culture) =>
        PeriodLabel.IsCalendar(violation.Period) || culture.TwoLetterISOLanguageName != "zh"
            ? PeriodLabel.Format(violation.Period, culture)
            : violation.PeriodStart == violation.PeriodEnd ? ShownTime.Day(violation.PeriodStart, culture)
            : ApiProblems.Text("log-period-days", culture, ShownTime.Day(violation.PeriodStart, culture), ShownTime.Day(violation.PeriodEnd, culture));

    private static string Message(StoredViolation violation, System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? violation.MessageZh : violation.MessageEn;

    // Each line from the catalogue, Chinese then English (OperatorLine).
    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private partial void LogLine(string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Text}")]
    private partial void LogWarningLine(string text);
}
