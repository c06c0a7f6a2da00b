using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.WebConsole.Overview;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// What a recording from the console did, carried back to the unit page in its address (post, then redirect, so a
/// reload does not post again): how many records were stored, how many violations that resolved and opened.
/// </summary>
/// <param name="Recorded">Records stored (0 when every one was stored before).</param>
/// <param name="Resolved">Violations resolved.</param>
/// <param name="Opened">Violations opened.</param>
public sealed record RecordedNotice(int Recorded, int Resolved, int Opened)
{
    /// <summary>The unit page's address with the notice of <paramref name="result"/>.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="result">What the campaign service did.</param>
    public static string Link(string unitId, RecordingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Home.UnitLink(unitId)}?recorded={result.Records.Count(r => r.Outcome == AppendOutcome.Inserted)}&resolved={result.Resolved.Count}&opened={result.Opened.Count}#recorded");
    }
}
