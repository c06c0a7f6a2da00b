using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>Gives every rule an empty partial match to start from, so a rule's first element is a join like any other.</summary>
internal sealed class RootNode(int id) : TokenSourceNode(id, NodeKind.Root, "root")
{
    public void Start(WorkingMemory memory, Token root) => AssertSinks(memory, root);
}
