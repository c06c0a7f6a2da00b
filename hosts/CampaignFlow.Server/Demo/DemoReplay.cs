using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Demo;

/// <summary>
/// <c>--demo</c>: replays the seed units' demo logs on the virtual clock, one campaign day every
/// <see cref="ServerOptions.DemoDayMilliseconds"/>: the clock moves to the day's end, the host ticks (periods
/// close, violations open), then the day's records are recorded through the campaign service — the same call the
/// HTTP API makes — and <see cref="DemoNarrator"/> logs phases opening, gates waiting and violations opening and
/// resolving. The API shows the same at any moment, with the demo tokens.
/// </summary>
internal sealed partial class DemoReplay(
    IOptions<ServerOptions> options, RunningCampaigns running, TimeProvider clock, TickSignal signal, ILogger<DemoReplay> log) : BackgroundService
{
    /// <summary>Who the replayed records say recorded them: no person, so the console names the demo instead.</summary>
    internal const string RecordedBy = "demo";
    private readonly ILogger _log = log;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Demo || clock is not VirtualClock virtualClock)
        {
            return;
        }

        try
        {
            await running.WhenStarted.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // the host stopped before the campaigns ran
        }
        catch (Exception) when (running.StartFailure is not null)
        {
            return; // the campaigns did not start: the runner said why, and the host stops
        }

        try
        {
            await ReplayAsync(settings, virtualClock, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogDemoFailed(e, OperatorLine.Of("log-demo-stopped"));
        }
    }

    private async Task ReplayAsync(ServerOptions settings, VirtualClock virtualClock, CancellationToken stoppingToken)
    {
        var service = running.Service;
        var skipped = new List<SkippedDemoLog>();
        var logs = DemoLog.ReadAll(settings.DefinitionsPath, skipped);
        foreach (var log in skipped)
        {
            LogWarningLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-skipped", c, log.Reason(c))));
        }

        var replayed = logs
            .Select(l => (Log: l, Unit: l.Unit is { } unit ? service.FindUnit(unit) : service.Units.FirstOrDefault(u => u.PlanId == l.PlanId && service.FindPlan(u.PlanId)?.Template is null)))
            .Where(l => l.Unit is not null)
            .ToArray();
        if (replayed.Length == 0)
        {
            LogWarningLine(OperatorLine.Of("log-demo-nothing", Path.Combine(settings.DefinitionsPath, "activities")));
            return;
        }

        var first = DateOnly.FromDateTime(virtualClock.GetUtcNow().ToOffset(DemoClock.ChinaOffset).DateTime);
        var last = replayed
            .Select(r => service.FindPlan(r.Unit!.PlanId)?.Window.End ?? first)
            .Concat(replayed.SelectMany(r => r.Log.Days.Select(d => d.Day)).Where(d => d != DateOnly.MaxValue))
            .Max()
            .AddDays(1 + settings.DemoLagDays);
        if (settings.DemoUntilDay is { } until && until < last)
        {
            last = until;
        }

        LogLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-starting", c, OperatorLine.Count(replayed.Length), ShownTime.Day(first, c), ShownTime.Day(last, c),
            OperatorLine.Count(settings.DemoDayMilliseconds), OperatorLine.Count(settings.DemoLagDays))));
        var cursors = replayed.ToDictionary(r => r.Unit!.Id, _ => 0);
        var narrator = new DemoNarrator(_log);
        var units = replayed.Select(r => r.Unit!).ToArray();
        for (var day = first; day <= last && !stoppingToken.IsCancellationRequested; day = day.AddDays(1))
        {
            // The end of the day: records dated today are in the past, and periods that ended yesterday are closed.
            var endOfDay = DemoClock.Midnight(day.AddDays(1)).AddSeconds(-1);
            if (endOfDay > virtualClock.GetUtcNow())
            {
                virtualClock.MoveTo(endOfDay);
            }

            await signal.TickAsync(stoppingToken).ConfigureAwait(false);
            if (day.Day == 1)
            {
                LogLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-month", c, ShownTime.Month(day, c))));
            }

            foreach (var (demo, unit) in replayed)
            {
                var index = cursors[unit!.Id];
                // The secretary catches up on the paperwork a few days late, so periods can close before their
                // records arrive: violations open, and resolve when the late records come in.
                while (index < demo.Days.Count && demo.Days[index].Day.AddDays(settings.DemoLagDays) <= day)
                {
                    await RecordAsync(service, unit, demo.Days[index].Day, demo.Days[index].Records, stoppingToken).ConfigureAwait(false);
                    index++;
                }

                cursors[unit.Id] = index;
            }

            await narrator.NarrateAsync(service, units, day, stoppingToken).ConfigureAwait(false);

            await Task.Delay(settings.DemoDayMilliseconds, stoppingToken).ConfigureAwait(false);
        }

        // Records without a day, if any, go last; those of days after --demo-until are not replayed at all.
        foreach (var (demo, unit) in replayed)
        {
            foreach (var (day, records) in demo.Days.Skip(cursors[unit!.Id]).Where(d => d.Day == DateOnly.MaxValue))
            {
                await RecordAsync(service, unit, day, records, stoppingToken).ConfigureAwait(false);
            }
        }

        await signal.TickAsync(stoppingToken).ConfigureAwait(false);
        await narrator.NarrateAsync(service, units, last, stoppingToken).ConfigureAwait(false);
        var open = await service.QueryViolationsAsync(new Campaigns.Storage.ViolationQuery { Status = Campaigns.Storage.ViolationStatus.Open, Limit = 1 }, stoppingToken).ConfigureAwait(false);
        LogLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-finished", c, ShownTime.Day(last, c), OperatorLine.Count(open.Total))));
    }

    private async Task RecordAsync(CampaignService service, CampaignUnit unit, DateOnly day, System.Text.Json.Nodes.JsonArray records, CancellationToken cancellationToken)
    {
        var result = await service.RecordAsync(unit.Id, DemoLog.Text(records), RecordFormat.Json, RecordedBy, cancellationToken).ConfigureAwait(false);
        if (result.HasErrors)
        {
            foreach (var d in result.Diagnostics)
            {
                LogWarningLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-refused", c, unit.Id, ShownTime.Day(day, c), d.ToString(c))));
            }

            return;
        }

        var keys = string.Join(", ", result.Records.Take(4).Select(r => r.Key)) + (result.Records.Count > 4 ? ", …" : "");
        LogLine(OperatorLine.Both(c => ApiProblems.Text("log-demo-recorded", c, ShownTime.Day(day, c), unit.Id, OperatorLine.Count(result.Records.Count), keys)));
    }

    // Each line from the catalogue, Chinese then English (OperatorLine).
    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private partial void LogLine(string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Text}")]
    private partial void LogWarningLine(string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Text}")]
    private partial void LogDemoFailed(Exception error, string text);
}
