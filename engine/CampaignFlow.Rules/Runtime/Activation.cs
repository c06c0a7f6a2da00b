using CampaignFlow.Rules.Rete;

namespace CampaignFlow.Rules.Runtime;

/// <summary>A complete match of one rule, waiting on the agenda or already fired; owns the facts its rule yielded.</summary>
internal sealed class Activation(TerminalNode node, Token token) : NodeEntry(node.Id)
{
    public readonly TerminalNode Node = node;
    public readonly Token Token = token;
    public bool IsAlive = true;
    public bool IsQueued;
    public long Sequence;
    public Fact?[]? Linked;

    /// <summary>Neighbours in the list of its rule's live activations, for queries.</summary>
    public Activation? Previous;
    public Activation? Following;
}
