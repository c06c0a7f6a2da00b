using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A node that receives single facts from the alpha network.</summary>
internal interface IFactSink
{
    void AssertFact(WorkingMemory memory, Fact fact);

    void UpdateFact(WorkingMemory memory, Fact fact);

    void RetractFact(WorkingMemory memory, Fact fact);
}
