using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A fact that a rule yielded: it belongs to the activation that yielded it (truth maintenance).</summary>
internal sealed class LinkedFact(object value, Activation source) : Fact(value)
{
    public override Activation? Source { get; } = source;
}
