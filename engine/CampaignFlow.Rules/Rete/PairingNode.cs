using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A beta node that keeps, per session, every (partial match, fact) pair of a bucket that satisfies its
/// conditions, and tells its subclass about each pair that appears, changes or disappears.
/// </summary>
/// <remarks>
/// Joins and aggregates need the pairs themselves; a not or exists with conditions beyond its keys needs them
/// to know, when a fact or token changes, whether the count of matching facts changed.
/// </remarks>
internal abstract class PairingNode(int id, NodeKind kind, string description, JoinConditions conditions)
    : BetaNode(id, kind, description, conditions)
{
    public sealed override void AssertToken(WorkingMemory memory, Token token)
    {
        var index = Memory(memory);
        var bucket = LeftBucket(index, token);
        var entry = NewPairedEntry(token);
        FileLeft(index, bucket, entry);
        for (var i = 0; i < index.RightCount(bucket); i++)
        {
            var right = index.RightAt(bucket, i);
            if (Matches(token, right.Fact))
            {
                OnPair(memory, entry, Link(entry, right), ChangeKind.Added);
            }
        }

        OnLeftSettled(memory, entry, ChangeKind.Added);
    }

    public sealed override void UpdateToken(WorkingMemory memory, Token token)
    {
        if (NodeEntry.Find(token.Entries, Id) is not PairedLeftEntry entry)
        {
            AssertToken(memory, token);
            return;
        }

        RefileLeft(memory, entry);
        var unmet = memory.RentPairMap();
        try
        {
            UpdatePairs(memory, entry, unmet);
        }
        finally
        {
            memory.ReturnPairMap(unmet);
        }

        OnLeftSettled(memory, entry, ChangeKind.Updated);
    }

    private void UpdatePairs(WorkingMemory memory, PairedLeftEntry paired, Dictionary<NodeEntry, Pairing> unmet)
    {
        var token = paired.Token;
        var index = Memory(memory);
        var bucket = paired.Bucket;
        for (var p = paired.Pairs; p is not null; p = p.NextOfLeft)
        {
            unmet[RightOf(p)] = p;
        }

        for (var i = 0; i < index.RightCount(bucket); i++)
        {
            var right = index.RightAt(bucket, i);
            var matches = Matches(token, right.Fact);
            if (unmet.Remove(right, out var pair))
            {
                if (matches)
                {
                    OnPair(memory, paired, pair, ChangeKind.Updated);
                }
                else
                {
                    Unlink(pair, paired, right);
                    OnPair(memory, paired, pair, ChangeKind.Removed);
                }
            }
            else if (matches)
            {
                OnPair(memory, paired, Link(paired, right), ChangeKind.Added);
            }
        }

        // A pair not met in the bucket: its fact left the key.
        for (var p = paired.Pairs; p is not null;)
        {
            var next = p.NextOfLeft;
            var right = RightOf(p);
            if (unmet.TryGetValue(right, out var pair) && pair == p)
            {
                Unlink(p, paired, right);
                OnPair(memory, paired, p, ChangeKind.Removed);
            }

            p = next;
        }
    }

    public sealed override void RetractToken(WorkingMemory memory, Token token)
    {
        if (NodeEntry.Remove(ref token.Entries, Id) is not PairedLeftEntry entry)
        {
            return;
        }

        UnfileLeft(memory, entry);
        for (var p = entry.Pairs; p is not null;)
        {
            var next = p.NextOfLeft;
            Unlink(p, entry, RightOf(p));
            OnPair(memory, entry, p, ChangeKind.Removed);
            p = next;
        }

        OnLeftSettled(memory, entry, ChangeKind.Removed);
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
            var left = (PairedLeftEntry)index.LeftAt(bucket, i);
            if (Matches(left.Token, fact))
            {
                OnPair(memory, left, Link(left, entry), ChangeKind.Added);
                OnLeftSettled(memory, left, ChangeKind.PairsChanged);
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
                var left = (PairedLeftEntry)index.LeftAt(bucket, i);
                if (Matches(left.Token, fact))
                {
                    OnPair(memory, left, Link(left, entry), ChangeKind.Added);
                    left.Touch(touched);
                }
            }
        }

        foreach (var left in touched)
        {
            left.Touched = false;
            OnLeftSettled(memory, left, ChangeKind.PairsChanged);
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
            UpdatePairs(memory, entry, unmet);
        }
        finally
        {
            memory.ReturnPairMap(unmet);
        }
    }

    private void UpdatePairs(WorkingMemory memory, RightEntry entry, Dictionary<NodeEntry, Pairing> unmet)
    {
        var fact = entry.Fact;
        for (var p = entry.Pairs; p is not null; p = p.NextOfRight)
        {
            unmet[LeftOf(p)] = p;
        }

        var index = Memory(memory);
        var bucket = entry.Bucket;
        for (var i = 0; i < index.LeftCount(bucket); i++)
        {
            var left = (PairedLeftEntry)index.LeftAt(bucket, i);
            var matches = Matches(left.Token, fact);
            if (unmet.Remove(left, out var pair))
            {
                if (matches)
                {
                    OnPair(memory, left, pair, ChangeKind.Updated);
                }
                else
                {
                    Unlink(pair, left, entry);
                    OnPair(memory, left, pair, ChangeKind.Removed);
                }

                OnLeftSettled(memory, left, ChangeKind.PairsChanged);
            }
            else if (matches)
            {
                OnPair(memory, left, Link(left, entry), ChangeKind.Added);
                OnLeftSettled(memory, left, ChangeKind.PairsChanged);
            }
        }

        // A pair not met in the bucket: the fact left the token's key.
        for (var p = entry.Pairs; p is not null;)
        {
            var next = p.NextOfRight;
            var left = LeftOf(p);
            if (unmet.TryGetValue(left, out var pair) && pair == p)
            {
                Unlink(p, left, entry);
                OnPair(memory, left, p, ChangeKind.Removed);
                OnLeftSettled(memory, left, ChangeKind.PairsChanged);
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

        RetractEntry(memory, entry);
    }

    private void RetractEntry(WorkingMemory memory, RightEntry entry)
    {
        var index = Memory(memory);
        index.Remove(entry);
        index.RemoveIfEmpty(entry.Bucket);
        for (var p = entry.Pairs; p is not null;)
        {
            var next = p.NextOfRight;
            var left = LeftOf(p);
            Unlink(p, left, entry);
            OnPair(memory, left, p, ChangeKind.Removed);
            OnLeftSettled(memory, left, ChangeKind.PairsChanged);
            p = next;
        }
    }

    /// <summary>The entry of a token in this node (an aggregate keeps more).</summary>
    protected virtual PairedLeftEntry NewPairedEntry(Token token) => new(Id, token);

    /// <summary>A new pair of this node (an aggregate's pairs carry more).</summary>
    protected virtual Pairing NewPair(Token token, Fact fact) => new(token, fact);

    /// <summary>Called for every pair that appears, changes or disappears.</summary>
    protected abstract void OnPair(WorkingMemory memory, PairedLeftEntry left, Pairing pair, ChangeKind change);

    /// <summary>Called once the pairs of a token are up to date after a change on either side.</summary>
    protected abstract void OnLeftSettled(WorkingMemory memory, LeftEntry entry, ChangeKind change);

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

    /// <summary>This node's entry for the token of a pair (the token must still be in the node).</summary>
    private PairedLeftEntry LeftOf(Pairing pair) => (PairedLeftEntry)NodeEntry.Find(pair.Parent!.Entries, Id)!;

    /// <summary>This node's entry for the fact of a pair (the fact must still be in the node).</summary>
    private RightEntry RightOf(Pairing pair) => (RightEntry)NodeEntry.Find(pair.Fact!.Entries, Id)!;

    private Pairing Link(PairedLeftEntry left, RightEntry right)
    {
        var pair = NewPair(left.Token, right.Fact);
        pair.NextOfLeft = left.Pairs;
        pair.NextOfRight = right.Pairs;
        if (left.Pairs is not null)
        {
            left.Pairs.PreviousOfLeft = pair;
        }

        left.Pairs = pair;
        left.PairCount++;
        if (right.Pairs is not null)
        {
            right.Pairs.PreviousOfRight = pair;
        }

        right.Pairs = pair;
        return pair;
    }

    private static void Unlink(Pairing pair, PairedLeftEntry left, RightEntry right)
    {
        if (pair.PreviousOfLeft is null)
        {
            left.Pairs = pair.NextOfLeft;
        }
        else
        {
            pair.PreviousOfLeft.NextOfLeft = pair.NextOfLeft;
        }

        if (pair.NextOfLeft is not null)
        {
            pair.NextOfLeft.PreviousOfLeft = pair.PreviousOfLeft;
        }

        left.PairCount--;
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
