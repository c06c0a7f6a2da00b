using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A two-input node: partial matches on the left, facts on the right. It keeps, per session, the pairs that
/// satisfy its conditions, finding candidates through a hash index on the equality keys of the join; what it
/// passes on (joined tokens, a negation, an aggregate) is up to the subclass.
/// </summary>
/// <remarks>
/// A not or exists node without conditions beyond its keys only needs to know how many facts share a token's
/// key, so it keeps counts instead of pairs (<see cref="CountsOnly"/>).
/// </remarks>
internal abstract class BetaNode(int id, NodeKind kind, string description, JoinConditions conditions)
    : TokenSourceNode(id, kind, description), ITokenSink, IFactSink
{
    public JoinConditions Conditions { get; } = conditions;

    public AlphaMemoryNode? RightSource { get; set; }

    protected bool CountsOnly { get; } = kind is NodeKind.Not or NodeKind.Exists && conditions.Residual is null;

    public void AssertToken(WorkingMemory memory, Token token)
    {
        var bucket = LeftBucket(Memory(memory), token);
        var entry = CountsOnly ? new LeftEntry(Id, token) : NewPairedEntry(token);
        bucket.Add(entry);
        NodeEntry.Add(ref token.Entries, entry);
        if (entry is PairedLeftEntry paired)
        {
            for (var i = 0; i < bucket.RightCount; i++)
            {
                var right = bucket.RightAt(i);
                if (Matches(token, right.Fact))
                {
                    OnPair(memory, paired, Link(paired, right), ChangeKind.Added);
                }
            }
        }
        else
        {
            entry.PairCount = bucket.RightCount;
        }

        OnLeftSettled(memory, entry, ChangeKind.Added);
    }

    public void UpdateToken(WorkingMemory memory, Token token)
    {
        if (NodeEntry.Find(token.Entries, Id) is not LeftEntry entry)
        {
            AssertToken(memory, token);
            return;
        }

        var index = Memory(memory);
        if (!Fits(index, entry.Bucket, token))
        {
            var old = entry.Bucket;
            old.Remove(entry);
            index.RemoveIfEmpty(old);
            LeftBucket(index, token).Add(entry);
        }

        var bucket = entry.Bucket;
        if (CountsOnly)
        {
            entry.PairCount = bucket.RightCount;
            OnLeftSettled(memory, entry, ChangeKind.Updated);
            return;
        }

        var paired = (PairedLeftEntry)entry;
        var unmet = memory.RentPairMap();
        try
        {
            UpdatePairs(memory, paired, bucket, unmet);
        }
        finally
        {
            memory.ReturnPairMap(unmet);
        }

        OnLeftSettled(memory, paired, ChangeKind.Updated);
    }

    private void UpdatePairs(WorkingMemory memory, PairedLeftEntry paired, Bucket bucket, Dictionary<NodeEntry, Pairing> unmet)
    {
        var token = paired.Token;
        for (var p = paired.Pairs; p is not null; p = p.NextOfLeft)
        {
            unmet[RightOf(p)] = p;
        }

        for (var i = 0; i < bucket.RightCount; i++)
        {
            var right = bucket.RightAt(i);
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

    public void RetractToken(WorkingMemory memory, Token token)
    {
        if (NodeEntry.Remove(ref token.Entries, Id) is not LeftEntry entry)
        {
            return;
        }

        var bucket = entry.Bucket;
        bucket.Remove(entry);
        Memory(memory).RemoveIfEmpty(bucket);
        for (var p = (entry as PairedLeftEntry)?.Pairs; p is not null;)
        {
            var next = p.NextOfLeft;
            var paired = (PairedLeftEntry)entry;
            Unlink(p, paired, RightOf(p));
            OnPair(memory, paired, p, ChangeKind.Removed);
            p = next;
        }

        OnLeftSettled(memory, entry, ChangeKind.Removed);
    }

    public void AssertFact(WorkingMemory memory, Fact fact)
    {
        var bucket = RightBucket(Memory(memory), fact);
        if (CountsOnly)
        {
            var counted = fact.ClaimCounted(Id);
            NodeEntry.Add(ref fact.Entries, counted);
            bucket.AddCounted(counted);
            ChangeCounts(memory, bucket, +1);
            return;
        }

        var entry = fact.Claim(Id);
        NodeEntry.Add(ref fact.Entries, entry);
        bucket.Add(entry);

        for (var i = 0; i < bucket.LeftCount; i++)
        {
            var left = (PairedLeftEntry)bucket.LeftAt(i);
            if (Matches(left.Token, fact))
            {
                OnPair(memory, left, Link(left, entry), ChangeKind.Added);
                OnLeftSettled(memory, left, ChangeKind.PairsChanged);
            }
        }
    }

    public void UpdateFact(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Find(fact.Entries, Id) is not IndexEntry found)
        {
            AssertFact(memory, fact);
            return;
        }

        var index = Memory(memory);
        if (CountsOnly)
        {
            if (!Fits(index, found.Bucket, fact))
            {
                var old = found.Bucket;
                old.RemoveCounted();
                ChangeCounts(memory, old, -1);
                index.RemoveIfEmpty(old);
                var moved = RightBucket(index, fact);
                moved.AddCounted(found);
                ChangeCounts(memory, moved, +1);
            }

            return;
        }

        var entry = (RightEntry)found;
        if (!Fits(index, entry.Bucket, fact))
        {
            var old = entry.Bucket;
            old.Remove(entry);
            index.RemoveIfEmpty(old);
            RightBucket(index, fact).Add(entry);
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

        var bucket = entry.Bucket;
        for (var i = 0; i < bucket.LeftCount; i++)
        {
            var left = (PairedLeftEntry)bucket.LeftAt(i);
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

    public void RetractFact(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Remove(ref fact.Entries, Id) is not IndexEntry entry)
        {
            return;
        }

        try
        {
            RetractEntry(memory, entry);
        }
        finally
        {
            fact.Release(entry);
        }
    }

    private void RetractEntry(WorkingMemory memory, IndexEntry found)
    {
        var bucket = found.Bucket;
        if (CountsOnly)
        {
            bucket.RemoveCounted();
            ChangeCounts(memory, bucket, -1);
            Memory(memory).RemoveIfEmpty(bucket);
            return;
        }

        var entry = (RightEntry)found;
        bucket.Remove(entry);
        Memory(memory).RemoveIfEmpty(bucket);
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

    /// <summary>The entry of a token in a node that keeps pairs (an aggregate keeps more).</summary>
    protected virtual PairedLeftEntry NewPairedEntry(Token token) => new(Id, token);

    /// <summary>Called for every pair that appears, changes or disappears (not in <see cref="CountsOnly"/> mode).</summary>
    protected abstract void OnPair(WorkingMemory memory, PairedLeftEntry left, Pairing pair, ChangeKind change);

    /// <summary>Called once the pairs of a token are up to date after a change on either side.</summary>
    protected abstract void OnLeftSettled(WorkingMemory memory, LeftEntry entry, ChangeKind change);

    private void ChangeCounts(WorkingMemory memory, Bucket bucket, int delta)
    {
        for (var i = 0; i < bucket.LeftCount; i++)
        {
            var left = bucket.LeftAt(i);
            left.PairCount += delta;
            OnLeftSettled(memory, left, ChangeKind.PairsChanged);
        }
    }

    private BetaMemory Memory(WorkingMemory memory) =>
        (BetaMemory)(memory.NodeMemories[Id] ??= Conditions.CreateMemory());

    private Bucket LeftBucket(BetaMemory index, Token token)
    {
        try
        {
            return index.BucketOf(token);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Conditions.Describe(), token.Values(), ex);
        }
    }

    private Bucket RightBucket(BetaMemory index, Fact fact)
    {
        try
        {
            return index.BucketOf(fact);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Conditions.Describe(), [fact.Value], ex);
        }
    }

    private bool Fits(BetaMemory index, Bucket bucket, Token token)
    {
        try
        {
            return index.Fits(bucket, token);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Conditions.Describe(), token.Values(), ex);
        }
    }

    private bool Fits(BetaMemory index, Bucket bucket, Fact fact)
    {
        try
        {
            return index.Fits(bucket, fact);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Conditions.Describe(), [fact.Value], ex);
        }
    }

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

    /// <summary>A new pair of this node (an aggregate's pairs carry more).</summary>
    protected virtual Pairing NewPair(Token token, Fact fact) => new(token, fact);

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
