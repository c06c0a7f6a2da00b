using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A not or exists node with conditions beyond its equality keys: passes a partial match on unchanged while no
/// fact pairs with it (<see cref="NodeKind.Not"/>) or while some fact does (<see cref="NodeKind.Exists"/>), and
/// withdraws it when that stops being true.
/// </summary>
/// <remarks>
/// It keeps the pairs although it only needs their number: when a fact or token changes, the pairs are what say
/// whether it paired before. Without extra conditions, <see cref="CountingExistenceNode"/> spares them.
/// </remarks>
internal sealed class FilteredExistenceNode(int id, NodeKind kind, string description, JoinConditions conditions)
    : PairingNode(id, kind, description, conditions)
{
    protected override void OnPair(WorkingMemory memory, Token left, Pairing pair, ChangeKind change)
    {
        // Only the number of pairs matters, and PairingNode keeps it.
    }

    protected override void OnLeftSettled(WorkingMemory memory, Token left, ref LeftState state, ChangeKind change) =>
        PassOnWhileQuantified(memory, left, ref state, change);
}
