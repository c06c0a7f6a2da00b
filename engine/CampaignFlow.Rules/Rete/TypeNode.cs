using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>Entry of the alpha network for facts assignable to <see cref="FactType"/>.</summary>
internal sealed class TypeNode(int id, Type factType) : AlphaNode(id, NodeKind.Type, factType.Name)
{
    public Type FactType { get; } = factType;

    public override void Assert(WorkingMemory memory, Fact fact) => AssertChildren(memory, fact);

    public override void Update(WorkingMemory memory, Fact fact) => UpdateChildren(memory, fact);
}
