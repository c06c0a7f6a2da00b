using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A node that receives partial matches from the node on its left.</summary>
internal interface ITokenSink
{
    void AssertToken(WorkingMemory memory, Token token);

    void UpdateToken(WorkingMemory memory, Token token);

    void RetractToken(WorkingMemory memory, Token token);
}
