namespace CampaignFlow.Pages.Bench;

/// <summary>A page's timed answers, in milliseconds, read as percentiles (nearest rank).</summary>
internal sealed class PageTimes
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    /// <summary>The size of the last answer's body, in bytes.</summary>
    public long Bytes { get; set; }

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    /// <summary>The <paramref name="percent"/>th percentile, or NaN when there is none.</summary>
    public double Percentile(double percent)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
