using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A fact as the network sees it: the user's object plus the session's bookkeeping about it.</summary>
internal class Fact(object value)
{
    public object Value = value;
    public NodeEntry? Entries;

    /// <summary>The alpha memories (by ordinal) that hold this fact.</summary>
    public ulong AlphaMemories;

    /// <summary>The activation that yielded this fact, for linked facts; null for facts the caller inserted.</summary>
    public Activation? Source;
    public int SourceSlot;
    public bool IsAlive;
}
