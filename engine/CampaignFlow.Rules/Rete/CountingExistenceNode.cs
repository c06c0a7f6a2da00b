using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A not or exists node with no conditions beyond its equality keys. Every fact in a token's bucket pairs with
/// it, so the node keeps no pairs: a token's count is its bucket's number of facts, and a fact is only counted.
/// </summary>
/// <remarks>
/// The usual shape of a negation (no session of the same unit and week), hence a node of its own: it allocates
/// no pair per match, and a fact costs it at most a small <see cref="CountedEntry"/> (<see cref="Fact.ClaimCounted"/>).
/// </remarks>
internal sealed class CountingExistenceNode(int id, NodeKind kind, string description, JoinConditions conditions)
    : BetaNode(id, kind, description, conditions)
{
    public override void AssertToken(WorkingMemory memory, Token token)
    {
        var index = Memory(memory);
        var bucket = LeftBucket(index, token);
        var entry = new LeftEntry(Id, token);
        FileLeft(index, bucket, entry);
        entry.PairCount = index.RightCount(bucket);
        PassOnWhileQuantified(memory, entry, ChangeKind.Added);
    }

    public override void UpdateToken(WorkingMemory memory, Token token)
    {
        if (NodeEntry.Find(token.Entries, Id) is not LeftEntry entry)
        {
            AssertToken(memory, token);
            return;
        }

        RefileLeft(memory, entry);
        entry.PairCount = Memory(memory).RightCount(entry.Bucket);
        PassOnWhileQuantified(memory, entry, ChangeKind.Updated);
    }

    public override void RetractToken(WorkingMemory memory, Token token)
    {
        if (NodeEntry.Remove(ref token.Entries, Id) is not LeftEntry entry)
        {
            return;
        }

        UnfileLeft(memory, entry);
        PassOnWhileQuantified(memory, entry, ChangeKind.Removed);
    }

    public override void AssertFact(WorkingMemory memory, Fact fact)
    {
        var index = Memory(memory);
        var bucket = RightBucket(index, fact);
        var counted = fact.ClaimCounted(Id);
        NodeEntry.Add(ref fact.Entries, counted);
        index.AddCounted(bucket, counted);
        ChangeCounts(index, memory, bucket, +1);
    }

    public override void UpdateFact(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Find(fact.Entries, Id) is not IndexEntry counted)
        {
            AssertFact(memory, fact);
            return;
        }

        // Within its bucket a fact changes no count: only a new key matters.
        var index = Memory(memory);
        if (!Fits(index, counted.Bucket, fact))
        {
            var old = counted.Bucket;
            index.RemoveCounted(counted);
            ChangeCounts(index, memory, old, -1);
            index.RemoveIfEmpty(old);
            var moved = RightBucket(index, fact);
            index.AddCounted(moved, counted);
            ChangeCounts(index, memory, moved, +1);
        }
    }

    public override void RetractFact(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Remove(ref fact.Entries, Id) is not IndexEntry counted)
        {
            return;
        }

        try
        {
            var index = Memory(memory);
            index.RemoveCounted(counted);
            ChangeCounts(index, memory, counted.Bucket, -1);
            index.RemoveIfEmpty(counted.Bucket);
        }
        finally
        {
            fact.Release(counted);
        }
    }

    private void ChangeCounts(BetaMemory index, WorkingMemory memory, int bucket, int delta)
    {
        for (var i = 0; i < index.LeftCount(bucket); i++)
        {
            var left = index.LeftAt(bucket, i);
            left.PairCount += delta;
            PassOnWhileQuantified(memory, left, ChangeKind.PairsChanged);
        }
    }
}
