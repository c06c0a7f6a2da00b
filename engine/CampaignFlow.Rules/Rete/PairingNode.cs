using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A beta node that keeps, per session, every (partial match, fact) pair of a bucket that satisfies its
/// conditions, and tells its subclass about each pair that appears, changes or disappears.
/// </summary>
/// <remarks>
/// Joins and aggregates need the pairs themselves; a not or exists with conditions beyond its keys needs them
/// to know, when a fact or token changes, whether the count of matching facts changed. A token's list of pairs
/// starts in its node's <see cref="BetaMemory.PairsOf"/>, a fact's in its <see cref="RightEntry"/>.
/// </remarks>
internal abstract class PairingNode(int id, NodeKind kind, string description, JoinConditions conditions)
    : BetaNode(id, kind, description, conditions)
{
    public sealed override void AssertToken(WorkingMemory memory, Token token)
    {
        var index = Memory(memory);
        var bucket = LeftBucket(index, token);
        index.Add(bucket, token);
        OnLeftAdded(index, token);
        for (var i = 0; i < index.RightCount(bucket); i++)
        {
            var right = index.RightAt(bucket, i);
            if (Matches(token, right.Fact))
            {
                OnPair(memory, token, Link(index, token, right), ChangeKind.Added);
            }
        }

        OnLeftSettled(memory, token, ref index.Left(token), ChangeKind.Added);
    }

    public sealed override void UpdateToken(WorkingMemory memory, Token token)
    {
        var index = Memory(memory);
        if (!index.Holds(token))
        {
            AssertToken(memory, token);
            return;
        }

        RefileLeft(index, token);
        var unmet = memory.RentPairMap();
        try
        {
            UpdatePairs(memory, index, token, unmet);
        }
        finally
        {
            memory.ReturnPairMap(unmet);
        }

        OnLeftSettled(memory, token, ref index.Left(token), ChangeKind.Updated);
    }

    private void UpdatePairs(WorkingMemory memory, BetaMemory index, Token token, Dictionary<object, Pairing> unmet)
    {
        for (var p = index.PairsOf(token); p is not null; p = p.NextOfLeft)
        {
            unmet[RightOf(p)] = p;
        }

        var bucket = index.Left(token).Bucket;
        for (var i = 0; i < index.RightCount(bucket); i++)
        {
            var right = index.RightAt(bucket, i);
            var matches = Matches(token, right.Fact);
            if (unmet.Remove(right, out var pair))
            {
                if (matches)
                {
                    OnPair(memory, token, pair, ChangeKind.Updated);
                }
                else
                {
                    Unlink(index, pair, token, right);
                    OnPair(memory, token, pair, ChangeKind.Removed);
                }
            }
            else if (matches)
            {
                OnPair(memory, token, Link(index, token, right), ChangeKind.Added);
            }
        }

        // A pair not met in the bucket: its fact left the key.
        for (var p = index.PairsOf(token); p is not null;)
        {
            var next = p.NextOfLeft;
            var right = RightOf(p);
            if (unmet.TryGetValue(right, out var pair) && pair == p)
            {
                Unlink(index, p, token, right);
                OnPair(memory, token, p, ChangeKind.Removed);
            }

            p = next;
        }
    }

    public sealed override void RetractToken(WorkingMemory memory, Token token)
    {
        var index = Memory(memory);
        if (!index.Holds(token))
        {
            return;
        }

        for (var p = index.PairsOf(token); p is not null;)
        {
            var next = p.NextOfLeft;
            Unlink(index, p, token, RightOf(p));
            OnPair(memory, token, p, ChangeKind.Removed);
            p = next;
        }

        var state = index.Left(token);
        index.Remove(token);
        OnLeftSettled(memory, token, ref state, ChangeKind.Removed);
    }

    public sealed override void AssertFact(WorkingMemory memory, Fact fact)
    {
        var index = Memory(memory);
        var bucket = RightBucket(index, fact);
        var entry = new RightEntry(Id, fact);
        NodeEntry.Add(ref fact.Entries, entry);
        index.Add(bucket, entry);

        for (var i = 0; i < index.LeftCount(bucket); i++)
        {
            var left = index.LeftAt(bucket, i);
            if (Matches(left, fact))
            {
                OnPair(memory, left, Link(index, left, entry), ChangeKind.Added);
                OnLeftSettled(memory, left, ref index.Left(left), ChangeKind.PairsChanged);
            }
        }
    }

    public sealed override void AssertFacts(WorkingMemory memory, List<Fact> facts)
    {
        var index = Memory(memory);
        var touched = memory.RentLeftList();
        foreach (var fact in facts)
        {
            var bucket = RightBucket(index, fact);
            var entry = new RightEntry(Id, fact);
            NodeEntry.Add(ref fact.Entries, entry);
            index.Add(bucket, entry);
            for (var i = 0; i < index.LeftCount(bucket); i++)
            {
                var left = index.LeftAt(bucket, i);
                if (Matches(left, fact))
                {
                    OnPair(memory, left, Link(index, left, entry), ChangeKind.Added);
                    Touch(index, left, touched);
                }
            }
        }

        foreach (var left in touched)
        {
            ref var state = ref index.Left(left);
            state.Touched = false;
            OnLeftSettled(memory, left, ref state, ChangeKind.PairsChanged);
        }

        memory.ReturnLeftList(touched);
    }

    public sealed override void UpdateFact(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Find(fact.Entries, Id) is not RightEntry entry)
        {
            AssertFact(memory, fact);
            return;
        }

        var index = Memory(memory);
        if (!Fits(index, entry.Bucket, fact))
        {
            var old = entry.Bucket;
            index.Remove(entry);
            index.RemoveIfEmpty(old);
            index.Add(RightBucket(index, fact), entry);
        }

        var unmet = memory.RentPairMap();
        try
        {
            UpdatePairs(memory, index, entry, unmet);
        }
        finally
        {
            memory.ReturnPairMap(unmet);
        }
    }

    private void UpdatePairs(WorkingMemory memory, BetaMemory index, RightEntry entry, Dictionary<object, Pairing> unmet)
    {
        var fact = entry.Fact;
        for (var p = entry.Pairs; p is not null; p = p.NextOfRight)
        {
            unmet[p.Parent!] = p;
        }

        var bucket = entry.Bucket;
        for (var i = 0; i < index.LeftCount(bucket); i++)
        {
            var left = index.LeftAt(bucket, i);
            var matches = Matches(left, fact);
            if (unmet.Remove(left, out var pair))
            {
                if (matches)
                {
                    OnPair(memory, left, pair, ChangeKind.Updated);
                }
                else
                {
                    Unlink(index, pair, left, entry);
                    OnPair(memory, left, pair, ChangeKind.Removed);
                }

                OnLeftSettled(memory, left, ref index.Left(left), ChangeKind.PairsChanged);
            }
            else if (matches)
            {
                OnPair(memory, left, Link(index, left, entry), ChangeKind.Added);
                OnLeftSettled(memory, left, ref index.Left(left), ChangeKind.PairsChanged);
            }
        }

        // A pair not met in the bucket: the fact left the token's key.
        for (var p = entry.Pairs; p is not null;)
        {
            var next = p.NextOfRight;
            var left = p.Parent!;
            if (unmet.TryGetValue(left, out var pair) && pair == p)
            {
                Unlink(index, p, left, entry);
                OnPair(memory, left, p, ChangeKind.Removed);
                OnLeftSettled(memory, left, ref index.Left(left), ChangeKind.PairsChanged);
            }

            p = next;
        }
    }

    public sealed override void RetractFact(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Remove(ref fact.Entries, Id) is not RightEntry entry)
        {
            return;
        }

        var index = Memory(memory);
        index.Remove(entry);
        index.RemoveIfEmpty(entry.Bucket);
        for (var p = entry.Pairs; p is not null;)
        {
            var next = p.NextOfRight;
            var left = p.Parent!;
            Unlink(index, p, left, entry);
            OnPair(memory, left, p, ChangeKind.Removed);
            OnLeftSettled(memory, left, ref index.Left(left), ChangeKind.PairsChanged);
            p = next;
        }
    }

    /// <summary>Called when a token is filed, before its pairs are made (an aggregate starts its aggregator).</summary>
    protected virtual void OnLeftAdded(BetaMemory index, Token token)
    {
    }

    /// <summary>A new pair of this node (an aggregate's pairs carry more).</summary>
    protected virtual Pairing NewPair(Token token, Fact fact) => new(token, fact);

    /// <summary>Called for every pair that appears, changes or disappears.</summary>
    protected abstract void OnPair(WorkingMemory memory, Token left, Pairing pair, ChangeKind change);

    /// <summary>Called once the pairs of a token are up to date after a change on either side.</summary>
    /// <remarks>On <see cref="ChangeKind.Removed"/>, the state is a copy taken as the node let go of the token.</remarks>
    protected abstract void OnLeftSettled(WorkingMemory memory, Token left, ref LeftState state, ChangeKind change);

    private bool Matches(Token token, Fact fact)
    {
        if (Conditions.Residual is null)
        {
            return true;
        }

        try
        {
            return Conditions.Residual(token, fact);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Conditions.Describe(), [.. token.Values(), fact.Value], ex);
        }
    }

    /// <summary>This node's entry for the fact of a pair (the fact must still be in the node).</summary>
    private RightEntry RightOf(Pairing pair) => (RightEntry)NodeEntry.Find(pair.Fact!.Entries, Id)!;

    private Pairing Link(BetaMemory index, Token token, RightEntry right)
    {
        var pair = NewPair(token, right.Fact);
        ref var pairs = ref index.PairsOf(token);
        pair.NextOfLeft = pairs;
        pair.NextOfRight = right.Pairs;
        if (pairs is not null)
        {
            pairs.PreviousOfLeft = pair;
        }

        pairs = pair;
        index.Left(token).PairCount++;
        if (right.Pairs is not null)
        {
            right.Pairs.PreviousOfRight = pair;
        }

        right.Pairs = pair;
        return pair;
    }

    private static void Unlink(BetaMemory index, Pairing pair, Token token, RightEntry right)
    {
        if (pair.PreviousOfLeft is null)
        {
            index.PairsOf(token) = pair.NextOfLeft;
        }
        else
        {
            pair.PreviousOfLeft.NextOfLeft = pair.NextOfLeft;
        }

        if (pair.NextOfLeft is not null)
        {
            pair.NextOfLeft.PreviousOfLeft = pair.PreviousOfLeft;
        }

        index.Left(token).PairCount--;
        if (pair.PreviousOfRight is null)
        {
            right.Pairs = pair.NextOfRight;
        }
        else
        {
            pair.PreviousOfRight.NextOfRight = pair.NextOfRight;
        }

        if (pair.NextOfRight is not null)
        {
            pair.NextOfRight.PreviousOfRight = pair.PreviousOfRight;
        }
    }
}
