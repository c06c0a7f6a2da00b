using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A not or exists node with no conditions beyond its equality keys. Every fact in a token's bucket pairs with
/// it, so the node keeps no pairs: a token's count is its bucket's number of facts, and a fact is only counted.
/// </summary>
/// <remarks>
/// The usual shape of a negation (no session of the same unit and week), hence a node of its own: it allocates
/// no pair per match and no object per fact: the bucket a fact is counted in sits in an array indexed by
/// <see cref="Fact.Id"/> (<see cref="BetaMemory.CountedIn"/>).
/// </remarks>
internal sealed class CountingExistenceNode(int id, NodeKind kind, string description, JoinConditions conditions)
    : BetaNode(id, kind, description, conditions)
{
    public override void AssertToken(WorkingMemory memory, Token token)
    {
        var index = Memory(memory);
        var bucket = LeftBucket(index, token);
        index.Add(bucket, token);
        ref var state = ref index.Left(token);
        state.PairCount = index.RightCount(bucket);
        PassOnWhileQuantified(memory, token, ref state, ChangeKind.Added);
    }

    public override void UpdateToken(WorkingMemory memory, Token token)
    {
        var index = Memory(memory);
        if (!index.Holds(token))
        {
            AssertToken(memory, token);
            return;
        }

        RefileLeft(index, token);
        ref var state = ref index.Left(token);
        state.PairCount = index.RightCount(state.Bucket);
        PassOnWhileQuantified(memory, token, ref state, ChangeKind.Updated);
    }

    public override void RetractToken(WorkingMemory memory, Token token)
    {
        var index = Memory(memory);
        if (!index.Holds(token))
        {
            return;
        }

        var state = index.Left(token);
        index.Remove(token);
        PassOnWhileQuantified(memory, token, ref state, ChangeKind.Removed);
    }

    public override void AssertFact(WorkingMemory memory, Fact fact)
    {
        var index = Memory(memory);
        var bucket = RightBucket(index, fact);
        index.Count(bucket, fact);
        ChangeCounts(index, memory, bucket, +1);
    }

    public override void AssertFacts(WorkingMemory memory, List<Fact> facts)
    {
        var index = Memory(memory);
        var touched = memory.RentLeftList();
        foreach (var fact in facts)
        {
            var bucket = RightBucket(index, fact);
            index.Count(bucket, fact);
            for (var i = 0; i < index.LeftCount(bucket); i++)
            {
                Touch(index, index.LeftAt(bucket, i), touched);
            }
        }

        foreach (var left in touched)
        {
            ref var state = ref index.Left(left);
            state.Touched = false;
            state.PairCount = index.RightCount(state.Bucket);
            PassOnWhileQuantified(memory, left, ref state, ChangeKind.PairsChanged);
        }

        memory.ReturnLeftList(touched);
    }

    public override void UpdateFact(WorkingMemory memory, Fact fact)
    {
        var index = Memory(memory);
        var old = index.CountedIn(fact);
        if (old < 0)
        {
            AssertFact(memory, fact);
            return;
        }

        // Within its bucket a fact changes no count: only a new key matters.
        if (!Fits(index, old, fact))
        {
            index.Uncount(fact);
            ChangeCounts(index, memory, old, -1);
            index.RemoveIfEmpty(old);
            var moved = RightBucket(index, fact);
            index.Count(moved, fact);
            ChangeCounts(index, memory, moved, +1);
        }
    }

    public override void RetractFact(WorkingMemory memory, Fact fact)
    {
        var index = Memory(memory);
        if (index.CountedIn(fact) < 0)
        {
            return;
        }

        var bucket = index.Uncount(fact);
        ChangeCounts(index, memory, bucket, -1);
        index.RemoveIfEmpty(bucket);
    }

    private void ChangeCounts(BetaMemory index, WorkingMemory memory, int bucket, int delta)
    {
        for (var i = 0; i < index.LeftCount(bucket); i++)
        {
            var left = index.LeftAt(bucket, i);
            ref var state = ref index.Left(left);
            state.PairCount += delta;
            PassOnWhileQuantified(memory, left, ref state, ChangeKind.PairsChanged);
        }
    }
}
