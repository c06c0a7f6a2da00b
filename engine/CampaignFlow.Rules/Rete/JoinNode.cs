using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>Extends each partial match with each fact that satisfies the join conditions.</summary>
internal sealed class JoinNode(int id, string description, JoinConditions conditions)
    : PairingNode(id, NodeKind.Join, description, conditions)
{
    protected override void OnPair(WorkingMemory memory, Token left, Pairing pair, ChangeKind change)
    {
        switch (change)
        {
            case ChangeKind.Added:
                // A pair is the token passed on: it takes an id of this node's.
                pair.Id = Memory(memory).Ids.Take();
                AssertSinks(memory, pair);
                break;
            case ChangeKind.Updated:
                UpdateSinks(memory, pair);
                break;
            case ChangeKind.Removed:
                RetractSinks(memory, pair);
                Memory(memory).Ids.Give(pair.Id);
                break;
        }
    }

    protected override void OnLeftSettled(WorkingMemory memory, Token left, ref LeftState state, ChangeKind change)
    {
    }
}
