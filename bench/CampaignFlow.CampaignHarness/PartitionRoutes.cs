using System.Text.Json;
using CampaignFlow.Workflows.Partitions;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// Which host owns each unit, as the hosts' <c>/health</c> says (the partitions each works, docs/adr/0022): what a load
/// balancer routing a unit's records to its owner knows. A unit whose partition is between owners goes to the first host.
/// </summary>
internal sealed class PartitionRoutes
{
    private readonly PartitionScheme _scheme;
    private readonly Dictionary<int, int> _hostByPartition;

    private PartitionRoutes(PartitionScheme scheme, Dictionary<int, int> hostByPartition) => (_scheme, _hostByPartition) = (scheme, hostByPartition);

    /// <summary>True when every partition has an owner and every host owns some.</summary>
    public bool Split { get; private init; }

    /// <summary>Asks each host's <c>/health</c>.</summary>
    public static async Task<PartitionRoutes> ReadAsync(IReadOnlyList<HttpClient> hosts)
    {
        var byPartition = new Dictionary<int, int>();
        var count = 0;
        var everyHostOwns = true;
        for (var h = 0; h < hosts.Count; h++)
        {
            using var health = JsonDocument.Parse(await hosts[h].GetStringAsync(new Uri("/health", UriKind.Relative)));
            var partitions = health.RootElement.GetProperty("partitions");
            count = partitions.GetProperty("count").GetInt32();
            var owned = partitions.GetProperty("owned").EnumerateArray().Select(p => p.GetInt32()).ToArray();
            everyHostOwns &= owned.Length > 0;
            foreach (var partition in owned)
            {
                byPartition[partition] = h;
            }
        }

        // The campaigns' correlation keys are unit@version: a unit's partition is its id's.
        return new PartitionRoutes(new PartitionScheme(count, '@'), byPartition) { Split = everyHostOwns && byPartition.Count == count };
    }

    /// <summary>The index of the host owning <paramref name="unit"/>.</summary>
    public int HostOf(string unit) => _hostByPartition.GetValueOrDefault(_scheme.PartitionOf(unit));
}
