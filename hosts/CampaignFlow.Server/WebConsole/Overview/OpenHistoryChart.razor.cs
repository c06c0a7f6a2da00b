using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Rollups;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Overview;

/// <summary>
/// A body's open violations at the end of each day, as a line drawn in SVG on the server (no chart library, no script),
/// with a caption that says in words what the line shows: the span, the peak and the last day's count.
/// </summary>
public partial class OpenHistoryChart
{
    private const int Width = 600;
    private const int Height = 160;
    private const int Left = 4;
    private const int Right = Width - 4;
    private const int Top = 6;
    private const int Bottom = Height - 4;

    /// <summary>Every day from the first to the last, with its open count (<c>ComplianceRollups.GetOpenHistoryAsync</c>).</summary>
    [Parameter]
    public IReadOnlyList<OpenViolationsOnDay> Days { get; set; } = [];

    private OpenViolationsOnDay Peak => Days.MaxBy(d => d.Open)!;

    private string Points
    {
        get
        {
            var max = Math.Max(1, Peak.Open);
            var points = new StringBuilder();
            for (var i = 0; i < Days.Count; i++)
            {
                var x = Left + ((double)(Right - Left) * i / (Days.Count - 1));
                var y = Bottom - ((double)(Bottom - Top) * Days[i].Open / max);
                points.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
            }

            return points.ToString().TrimEnd();
        }
    }
}
