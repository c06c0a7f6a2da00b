namespace CampaignFlow.Rules.Rete;

/// <summary>The entry of a partial match in a node that keeps its pairs: the head of its list of pairs.</summary>
internal class PairedLeftEntry(int nodeId, Token token) : LeftEntry(nodeId, token)
{
    public Pairing? Pairs;
}
