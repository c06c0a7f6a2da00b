using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Cli.Publishing;

/// <summary>The plan id and version a plan file names (<c>plan:</c>, <c>version:</c>, 1 when absent), read without resolving it.</summary>
/// <param name="PlanId">The plan id, or null when the file names none.</param>
/// <param name="Version">The version.</param>
internal sealed record PlanFileHeader(string? PlanId, int Version)
{
    public static PlanFileHeader Read(string text, string path)
    {
        if (PlanReader.Parse(text, path, new DiagnosticBag()) is not YamlMappingNode root)
        {
            return new PlanFileHeader(null, 1);
        }

        string? Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value : null;
        var version = int.TryParse(Scalar("version"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 1;
        return new PlanFileHeader(Scalar("plan"), version);
    }
}
