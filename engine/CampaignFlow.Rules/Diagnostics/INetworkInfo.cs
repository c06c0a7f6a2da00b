using CampaignFlow.Rules.Rete;

namespace CampaignFlow.Rules.Diagnostics;

/// <summary>The shape of a compiled network: which nodes exist and which rules share them. Immutable.</summary>
public interface INetworkInfo
{
    /// <summary>Every node, in id order.</summary>
    IReadOnlyList<NetworkNodeInfo> Nodes { get; }

    /// <summary>How many nodes of a kind the network has.</summary>
    /// <param name="kind">The kind to count.</param>
    /// <returns>The count.</returns>
    int CountOf(NodeKind kind);
}

/// <summary>A snapshot of a <see cref="ReteNetwork"/>'s shape.</summary>
internal sealed class NetworkInfo(ReteNetwork network) : INetworkInfo
{
    public IReadOnlyList<NetworkNodeInfo> Nodes { get; } = network.Nodes
        .Select(n => new NetworkNodeInfo(
            n.Id,
            n.Kind,
            n.Description,
            n.RuleIds.ToArray(),
            n.Children.Select(c => c.Id).ToArray(),
            n is BetaNode beta && beta.Conditions.IsIndexed))
        .ToArray();

    public int CountOf(NodeKind kind) => Nodes.Count(n => n.Kind == kind);
}
