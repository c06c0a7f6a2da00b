using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Text;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// Records a caller's text of records for a unit under the API's rights (<see cref="RecordRights"/>, asked of every
/// record as the campaign service read it), wakes the host's loop when something was stored, and logs the outcome.
/// The record routes and the console's recording forms both write through here, so a record the API refuses is
/// refused in the browser with the same finding.
/// </summary>
/// <param name="running">The campaign service.</param>
/// <param name="admission">How many recordings run at once; a recording waits for its turn here.</param>
/// <param name="signal">Wakes the host's loop after a recording.</param>
/// <param name="log">Where each recording is logged.</param>
public sealed partial class UnitRecorder(RunningCampaigns running, RecordingAdmission admission, TickSignal signal, ILogger<UnitRecorder> log)
{
    private readonly ILogger _log = log;

    /// <summary>
    /// Reads <paramref name="text"/> against the unit's plan and stores its records, all or nothing. The caller's
    /// right to the unit itself (record or review) is the endpoint's to check first.
    /// </summary>
    /// <param name="caller">Who sends the records; recorded as who recorded them.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="text">The records, in <paramref name="format"/>.</param>
    /// <param name="format">JSON or CSV.</param>
    /// <param name="route">Which records the route takes.</param>
    /// <param name="cancellationToken">Stops the recording.</param>
    /// <returns>The findings (nothing stored when any is an error), the refusal, or what was stored and what it changed.</returns>
    public async Task<RecordingResult> RecordAsync(Caller caller, CampaignUnit unit, string text, RecordFormat format, RecordRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(unit);
        var service = running.Service;
        RecordingResult result;
        using (await admission.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            result = await service.RecordAsync(unit.Id, text, format, caller.Name, RecordRights.For(route, caller, unit, service.FindPlan(unit.PlanId)), cancellationToken).ConfigureAwait(false);
        }

        if (result.Refusal is not null || result.HasErrors)
        {
            LogLine(OperatorLine.Of("log-refused", unit.Id, caller.Name, OperatorLine.Count(Math.Max(1, result.Diagnostics.Count))));
            return result;
        }

        var inserted = result.Records.Count(r => r.Outcome == AppendOutcome.Inserted);
        // Debug: at thousands of units a line per recording drowns the log; the meters count them (campaignflow.recordings).
        if (_log.IsEnabled(LogLevel.Debug))
        {
            LogDebugLine(Recorded("log-recorded", unit.Id, caller.Name, inserted, result));
        }

        if (inserted > 0)
        {
            signal.WakeForRecords();
        }

        return result;
    }

    /// <summary>
    /// What the records <paramref name="result"/> stored say that the plan's order did not expect: an activity recorded
    /// while an approval gate it waits for still waits (<see cref="HeldBackGates"/>). Read after the recording, from the
    /// unit's state then; nothing when nothing was stored.
    /// </summary>
    /// <param name="unit">The unit recorded for.</param>
    /// <param name="result">The recording.</param>
    /// <param name="culture">The reader's language.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public async Task<IReadOnlyList<RecordingWarning>> WarningsAsync(CampaignUnit unit, RecordingResult result, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(result);
        var activities = result.Records.Where(r => r.Outcome == AppendOutcome.Inserted && r.Stored.Type == "activity").Select(r => r.Stored).ToArray();
        if (result.Refusal is not null || result.HasErrors || activities.Length == 0 || running.Service.FindPlan(unit.PlanId) is not { } plan
            || await running.Service.GetStateAsync(unit.Id, cancellationToken).ConfigureAwait(false) is not { WaitingGates.Count: > 0 } state)
        {
            return [];
        }

        var warnings = new List<RecordingWarning>();
        foreach (var record in activities)
        {
            foreach (var gate in HeldBackGates.Of(plan, state, record.Kind))
            {
                warnings.Add(new RecordingWarning(record.Key, "held-before-approval", ApiProblems.Text("held-before-approval", culture,
                    plan.Vocabulary.KindTitle(record.Kind) ?? record.Kind, ShownTime.Day(record.Day, culture), plan.Vocabulary.DocumentTitle(gate.DocumentKind), HeldBackGates.Approver(plan, gate))));
            }
        }

        return warnings;
    }

    /// <summary>
    /// Reads a CSV of many units' records (a <c>unit</c> column) and stores them, all or nothing, each record asked of
    /// the caller's rights to its own unit (<see cref="RecordRights"/>).
    /// </summary>
    /// <param name="caller">Who sends the records; recorded as who recorded them.</param>
    /// <param name="csv">The records.</param>
    /// <param name="cancellationToken">Stops the recording.</param>
    /// <returns>The findings (nothing stored when any is an error), the refusal, or what was stored and what it changed.</returns>
    public async Task<RecordingResult> RecordAcrossUnitsAsync(Caller caller, string csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var service = running.Service;
        RecordingResult result;
        using (await admission.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            result = await service.RecordAcrossUnitsAsync(csv, caller.Name, unit => RecordRights.For(RecordRoute.Any, caller, unit, service.FindPlan(unit.PlanId)), cancellationToken).ConfigureAwait(false);
        }

        if (result.Refusal is not null || result.HasErrors)
        {
            LogLine(OperatorLine.Of("log-refused-across", caller.Name, OperatorLine.Count(Math.Max(1, result.Diagnostics.Count))));
            return result;
        }

        var inserted = result.Records.Count(r => r.Outcome == AppendOutcome.Inserted);
        LogLine(Recorded("log-recorded-across", OperatorLine.Count(result.Records.Select(r => r.Stored.Unit).Distinct(StringComparer.Ordinal).Count()), caller.Name, inserted, result));
        if (inserted > 0)
        {
            signal.WakeForRecords();
        }

        return result;
    }

    private static string Recorded(string code, string units, string caller, int inserted, RecordingResult result) =>
        OperatorLine.Of(code, units, caller, OperatorLine.Count(inserted),
            OperatorLine.Count(result.Records.Count(r => r.Outcome == AppendOutcome.Duplicate)),
            OperatorLine.Count(result.Records.Count(r => r.Outcome == AppendOutcome.Conflict)),
            OperatorLine.Count(result.Opened.Count), OperatorLine.Count(result.Resolved.Count));

    // Each line from the catalogue, Chinese then English (OperatorLine).
    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private partial void LogLine(string text);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Text}")]
    private partial void LogDebugLine(string text);
}
