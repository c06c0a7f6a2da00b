using CampaignFlow.Rules.Rete.Aggregation;

namespace CampaignFlow.Rules.Rete;

/// <summary>The entry of a partial match in an aggregate node: its pairs and the aggregate over them.</summary>
internal sealed class AggregateLeftEntry(int nodeId, Token token, Aggregator aggregator) : PairedLeftEntry(nodeId, token)
{
    public readonly Aggregator Aggregator = aggregator;
}
