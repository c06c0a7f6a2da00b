using System.Globalization;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// One scrape of the host's <c>GET /metrics</c> (the Prometheus text format): every sample by metric name, with
/// its labels as written, so figures are read as the host counts them rather than as the harness guesses them.
/// </summary>
internal sealed class PrometheusText
{
    private readonly List<(string Name, string Labels, double Value)> _samples = [];

    public static PrometheusText Parse(string text)
    {
        var scrape = new PrometheusText();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // name{labels} value [timestamp]   or   name value [timestamp]
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            string name, labels, rest;
            if (brace >= 0 && brace < space)
            {
                var close = line.LastIndexOf('}');
                (name, labels, rest) = (line[..brace], line[(brace + 1)..close], line[(close + 1)..].Trim());
            }
            else
            {
                (name, labels, rest) = (line[..space], "", line[(space + 1)..].Trim());
            }

            var value = rest.Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                scrape._samples.Add((name, labels, number));
            }
        }

        return scrape;
    }

    /// <summary>Scrapes of several processes as one: each sample kept, so <see cref="Sum(string, string?)"/> adds them across the processes.</summary>
    public static PrometheusText Together(IEnumerable<PrometheusText> scrapes)
    {
        var all = new PrometheusText();
        foreach (var scrape in scrapes)
        {
            all._samples.AddRange(scrape._samples);
        }

        return all;
    }

    /// <summary>The sum of every sample of <paramref name="name"/> whose labels contain <paramref name="label"/> (all when null).</summary>
    public double Sum(string name, string? label = null) =>
        _samples.Where(s => s.Name == name && (label is null || s.Labels.Contains(label, StringComparison.Ordinal))).Sum(s => s.Value);

    /// <summary>Whether the scrape has <paramref name="name"/> at all.</summary>
    public bool Has(string name) => _samples.Any(s => s.Name == name);

    /// <summary>The label sets of <paramref name="name"/>'s samples.</summary>
    public IEnumerable<string> Labels(string name) => _samples.Where(s => s.Name == name).Select(s => s.Labels);
}
