using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A fact that a rule yielded: it belongs to the activation that yielded it (truth maintenance).</summary>
internal sealed class LinkedFact(object value, Activation source, int sourceSlot) : Fact(value)
{
    public override Activation? Source { get; } = source;

    public override int SourceSlot { get; } = sourceSlot;
}
