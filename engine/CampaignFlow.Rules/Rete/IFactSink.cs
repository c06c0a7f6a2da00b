using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A node that receives single facts from the alpha network.</summary>
internal interface IFactSink
{
    /// <summary>How deep in the network the node is (<see cref="TokenSourceNode.Depth"/>): a batch reaches deeper nodes first.</summary>
    int Depth { get; }

    void AssertFact(WorkingMemory memory, Fact fact);

    /// <summary>
    /// Takes a batch of new facts at once: each pair that appears is passed on as it appears, but a partial match
    /// whose pairs changed settles once for the whole batch (an aggregate emits its result once, a negation decides once).
    /// </summary>
    void AssertFacts(WorkingMemory memory, List<Fact> facts);

    /// <summary>Re-matches a fact that changed and still passes the alpha network; a fact the node does not hold yet is new to it.</summary>
    /// <remarks>Alpha memories do not know which facts they hold (<see cref="AlphaMemoryNode"/>): the node decides.</remarks>
    void UpdateFact(WorkingMemory memory, Fact fact);

    /// <summary>Lets go of a fact; a fact the node does not hold (it failed a condition since, or never passed) is passed over.</summary>
    void RetractFact(WorkingMemory memory, Fact fact);
}
