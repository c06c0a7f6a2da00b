using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>Extends each partial match with each fact that satisfies the join conditions.</summary>
internal sealed class JoinNode(int id, string description, JoinConditions conditions)
    : PairingNode(id, NodeKind.Join, description, conditions)
{
    protected override void OnPair(WorkingMemory memory, PairedLeftEntry left, Pairing pair, ChangeKind change)
    {
        switch (change)
        {
            case ChangeKind.Added:
                AssertSinks(memory, pair);
                break;
            case ChangeKind.Updated:
                UpdateSinks(memory, pair);
                break;
            case ChangeKind.Removed:
                RetractSinks(memory, pair);
                break;
        }
    }

    protected override void OnLeftSettled(WorkingMemory memory, LeftEntry entry, ChangeKind change)
    {
    }
}
