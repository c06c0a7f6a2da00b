using System.Globalization;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// The operator's line for a unit the service's reconciliation brought up to date (records stored but not yet judged
/// after a crash, or a due time passed while it was down): from the server's catalogue, Chinese then English, the
/// unit by its name and the next due time in the server's zone. The service logs its own copy only at debug.
/// </summary>
internal sealed partial class CaughtUpLine(RunningCampaigns running, WebConsole.Text.ShownTime time, ILogger<CaughtUpLine> log) : IProgress<UnitWatermark>
{
    /// <inheritdoc/>
    public void Report(UnitWatermark value) => LogCaughtUp(Text(value, running.IsStarted ? running.Service.FindUnit(value.Unit)?.Name : null, time));

    /// <summary>The line, in Chinese then English.</summary>
    /// <param name="mark">The watermark the unit was found at.</param>
    /// <param name="name">The unit's name, or null when the service does not know it (yet).</param>
    /// <param name="time">The zone times are shown in.</param>
    public static string Text(UnitWatermark mark, string? name, WebConsole.Text.ShownTime time) => OperatorLine.Both(c =>
        ApiProblems.Text("log-unit-caught-up", c,
            name ?? mark.Unit,
            mark.Unit,
            Sequence(mark.JudgedThrough),
            Sequence(mark.RecordedThrough),
            mark.DueAt is { } due
                ? ApiProblems.Text("log-unit-caught-up-due", c, time.Moment(due, c), FirstJudgement.ZoneName(time, c))
                : ApiProblems.Text("log-unit-caught-up-nothing-due", c)));

    private static string Sequence(long n) => n.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private partial void LogCaughtUp(string text);
}
