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
/// starts in its node's <see cref="BetaMemory.PairsOf"/>, a fact's in its row (<see cref="RightRow"/>).
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
        for (var row = index.FirstRight(bucket); row >= 0; row = index.NextRight(row))
        {
            if (Matches(token, index.Row(row).Fact))
            {
                OnPair(memory, token, Link(index, token, row), ChangeKind.Added);
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
        // A fact has one row in the node, so its pair with the token is known by the fact.
        for (var p = index.PairsOf(token); p is not null; p = p.NextOfLeft)
        {
            unmet[p.Fact!] = p;
        }

        var bucket = index.Left(token).Bucket;
        for (var row = index.FirstRight(bucket); row >= 0; row = index.NextRight(row))
        {
            var fact = index.Row(row).Fact;
            var matches = Matches(token, fact);
            if (unmet.Remove(fact, out var pair))
            {
                if (matches)
                {
                    OnPair(memory, token, pair, ChangeKind.Updated);
                }
                else
                {
                    Unlink(index, pair, token, row);
                    OnPair(memory, token, pair, ChangeKind.Removed);
                }
            }
            else if (matches)
            {
                OnPair(memory, token, Link(index, token, row), ChangeKind.Added);
            }
        }

        // A pair not met in the bucket: its fact left the key.
        for (var p = index.PairsOf(token); p is not null;)
        {
            var next = p.NextOfLeft;
            if (unmet.TryGetValue(p.Fact!, out var pair) && pair == p)
            {
                Unlink(index, p, token, index.RowOf(p.Fact!));
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
            Unlink(index, p, token, index.RowOf(p.Fact!));
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
        var row = index.AddRight(bucket, fact);

        for (var i = 0; i < index.LeftCount(bucket); i++)
        {
            var left = index.LeftAt(bucket, i);
            if (Matches(left, fact))
            {
                OnPair(memory, left, Link(index, left, row), ChangeKind.Added);
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
            var row = index.AddRight(bucket, fact);
            for (var i = 0; i < index.LeftCount(bucket); i++)
            {
                var left = index.LeftAt(bucket, i);
                if (Matches(left, fact))
                {
                    OnPair(memory, left, Link(index, left, row), ChangeKind.Added);
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
        var index = Memory(memory);
        var row = index.RowOf(fact);
        if (row < 0)
        {
            AssertFact(memory, fact);
            return;
        }

        if (!Fits(index, index.Row(row).Bucket, fact))
        {
            index.DetachRight(row);
            index.AttachRight(RightBucket(index, fact), row);
        }

        var unmet = memory.RentPairMap();
        try
        {
            UpdatePairs(memory, index, row, unmet);
        }
        finally
        {
            memory.ReturnPairMap(unmet);
        }
    }

    private void UpdatePairs(WorkingMemory memory, BetaMemory index, int row, Dictionary<object, Pairing> unmet)
    {
        var fact = index.Row(row).Fact;
        for (var p = index.Row(row).Pairs; p is not null; p = p.NextOfRight)
        {
            unmet[p.Parent!] = p;
        }

        var bucket = index.Row(row).Bucket;
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
                    Unlink(index, pair, left, row);
                    OnPair(memory, left, pair, ChangeKind.Removed);
                }

                OnLeftSettled(memory, left, ref index.Left(left), ChangeKind.PairsChanged);
            }
            else if (matches)
            {
                OnPair(memory, left, Link(index, left, row), ChangeKind.Added);
                OnLeftSettled(memory, left, ref index.Left(left), ChangeKind.PairsChanged);
            }
        }

        // A pair not met in the bucket: the fact left the token's key.
        for (var p = index.Row(row).Pairs; p is not null;)
        {
            var next = p.NextOfRight;
            var left = p.Parent!;
            if (unmet.TryGetValue(left, out var pair) && pair == p)
            {
                Unlink(index, p, left, row);
                OnPair(memory, left, p, ChangeKind.Removed);
                OnLeftSettled(memory, left, ref index.Left(left), ChangeKind.PairsChanged);
            }

            p = next;
        }
    }

    public sealed override void RetractFact(WorkingMemory memory, Fact fact)
    {
        var index = Memory(memory);
        var row = index.RowOf(fact);
        if (row < 0)
        {
            return;
        }

        index.DetachRight(row);
        for (var p = index.Row(row).Pairs; p is not null;)
        {
            var next = p.NextOfRight;
            var left = p.Parent!;
            Unlink(index, p, left, row);
            OnPair(memory, left, p, ChangeKind.Removed);
            OnLeftSettled(memory, left, ref index.Left(left), ChangeKind.PairsChanged);
            p = next;
        }

        index.FreeRight(row);
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

    private Pairing Link(BetaMemory index, Token token, int row)
    {
        var pair = NewPair(token, index.Row(row).Fact);
        ref var pairs = ref index.PairsOf(token);
        pair.NextOfLeft = pairs;
        if (pairs is not null)
        {
            pairs.PreviousOfLeft = pair;
        }

        pairs = pair;
        index.Left(token).PairCount++;
        ref var right = ref index.Row(row);
        pair.NextOfRight = right.Pairs;
        if (right.Pairs is not null)
        {
            right.Pairs.PreviousOfRight = pair;
        }

        right.Pairs = pair;
        return pair;
    }

    private static void Unlink(BetaMemory index, Pairing pair, Token token, int row)
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
        ref var right = ref index.Row(row);
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
