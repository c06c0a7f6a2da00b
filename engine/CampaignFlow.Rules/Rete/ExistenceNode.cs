using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// Passes a partial match on unchanged while no fact pairs with it (<see cref="NodeKind.Not"/>) or while some
/// fact does (<see cref="NodeKind.Exists"/>), and withdraws it when that stops being true.
/// </summary>
internal sealed class ExistenceNode(int id, NodeKind kind, string description, JoinConditions conditions)
    : BetaNode(id, kind, description, conditions)
{
    protected override void OnPair(WorkingMemory memory, PairedLeftEntry left, Pairing pair, ChangeKind change)
    {
        // Only the number of pairs matters, and BetaNode keeps it.
    }

    protected override void OnLeftSettled(WorkingMemory memory, LeftEntry entry, ChangeKind change)
    {
        if (change == ChangeKind.Removed)
        {
            if (entry.Emitted)
            {
                entry.Emitted = false;
                RetractSinks(memory, entry.Token);
            }

            return;
        }

        var holds = Kind == NodeKind.Not ? entry.PairCount == 0 : entry.PairCount > 0;
        if (holds && !entry.Emitted)
        {
            entry.Emitted = true;
            AssertSinks(memory, entry.Token);
        }
        else if (!holds && entry.Emitted)
        {
            entry.Emitted = false;
            RetractSinks(memory, entry.Token);
        }
        else if (holds && change == ChangeKind.Updated)
        {
            UpdateSinks(memory, entry.Token);
        }
    }
}
