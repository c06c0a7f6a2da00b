using System.Linq.Expressions;
using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A two-input node: partial matches on the left, facts on the right. It keeps, per session, the pairs that
/// satisfy its conditions, finding candidates through a hash index on the equality keys of the join; what it
/// passes on (joined tokens, a negation, an aggregate) is up to the subclass.
/// </summary>
internal abstract class BetaNode(int id, NodeKind kind, string description, JoinConditions conditions)
    : TokenSourceNode(id, kind, description), ITokenSink, IFactSink
{
    public JoinConditions Conditions { get; } = conditions;

    public AlphaMemoryNode? RightSource { get; set; }

    public void AssertToken(WorkingMemory memory, Token token)
    {
        var index = Memory(memory);
        var entry = new LeftEntry(Id, token);
        index.GetOrAdd(LeftKey(token)).Add(entry);
        NodeEntry.Add(ref token.Entries, entry);
        OnLeftAdding(entry);
        var rights = entry.Bucket.Rights;
        for (var i = 0; i < rights.Count; i++)
        {
            var right = rights[i];
            if (Matches(token, right.Fact))
            {
                OnPair(memory, Link(entry, right), ChangeKind.Added);
            }
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
        var key = LeftKey(token) ?? BetaMemory.NullKey;
        if (!Equals(key, entry.Bucket.Key))
        {
            var old = entry.Bucket;
            old.Remove(entry);
            index.RemoveIfEmpty(old);
            index.GetOrAdd(key).Add(entry);
        }

        for (var p = entry.Pairs; p is not null; p = p.NextOfLeft)
        {
            p.Right.Scratch = p;
            p.Seen = false;
        }

        var rights = entry.Bucket.Rights;
        for (var i = 0; i < rights.Count; i++)
        {
            var right = rights[i];
            var pair = right.Scratch;
            right.Scratch = null;
            var matches = Matches(token, right.Fact);
            if (pair is not null)
            {
                pair.Seen = true;
                if (matches)
                {
                    OnPair(memory, pair, ChangeKind.Updated);
                }
                else
                {
                    Unlink(pair);
                    OnPair(memory, pair, ChangeKind.Removed);
                }
            }
            else if (matches)
            {
                var added = Link(entry, right);
                added.Seen = true;
                OnPair(memory, added, ChangeKind.Added);
            }
        }

        for (var p = entry.Pairs; p is not null;)
        {
            var next = p.NextOfLeft;
            if (!p.Seen)
            {
                p.Right.Scratch = null;
                Unlink(p);
                OnPair(memory, p, ChangeKind.Removed);
            }

            p = next;
        }

        OnLeftSettled(memory, entry, ChangeKind.Updated);
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
        for (var p = entry.Pairs; p is not null;)
        {
            var next = p.NextOfLeft;
            Unlink(p);
            OnPair(memory, p, ChangeKind.Removed);
            p = next;
        }

        OnLeftSettled(memory, entry, ChangeKind.Removed);
    }

    public void AssertFact(WorkingMemory memory, Fact fact)
    {
        var entry = new RightEntry(Id, fact);
        Memory(memory).GetOrAdd(RightKey(fact)).Add(entry);
        NodeEntry.Add(ref fact.Entries, entry);
        var lefts = entry.Bucket.Lefts;
        for (var i = 0; i < lefts.Count; i++)
        {
            var left = lefts[i];
            if (Matches(left.Token, fact))
            {
                OnPair(memory, Link(left, entry), ChangeKind.Added);
                OnLeftSettled(memory, left, ChangeKind.PairsChanged);
            }
        }
    }

    public void UpdateFact(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Find(fact.Entries, Id) is not RightEntry entry)
        {
            AssertFact(memory, fact);
            return;
        }

        var index = Memory(memory);
        var key = RightKey(fact) ?? BetaMemory.NullKey;
        if (!Equals(key, entry.Bucket.Key))
        {
            var old = entry.Bucket;
            old.Remove(entry);
            index.RemoveIfEmpty(old);
            index.GetOrAdd(key).Add(entry);
        }

        for (var p = entry.Pairs; p is not null; p = p.NextOfRight)
        {
            p.Left.Scratch = p;
            p.Seen = false;
        }

        var lefts = entry.Bucket.Lefts;
        for (var i = 0; i < lefts.Count; i++)
        {
            var left = lefts[i];
            var pair = left.Scratch;
            left.Scratch = null;
            var matches = Matches(left.Token, fact);
            if (pair is not null)
            {
                pair.Seen = true;
                if (matches)
                {
                    OnPair(memory, pair, ChangeKind.Updated);
                }
                else
                {
                    Unlink(pair);
                    OnPair(memory, pair, ChangeKind.Removed);
                }

                OnLeftSettled(memory, left, ChangeKind.PairsChanged);
            }
            else if (matches)
            {
                var added = Link(left, entry);
                added.Seen = true;
                OnPair(memory, added, ChangeKind.Added);
                OnLeftSettled(memory, left, ChangeKind.PairsChanged);
            }
        }

        for (var p = entry.Pairs; p is not null;)
        {
            var next = p.NextOfRight;
            if (!p.Seen)
            {
                p.Left.Scratch = null;
                Unlink(p);
                OnPair(memory, p, ChangeKind.Removed);
                OnLeftSettled(memory, p.Left, ChangeKind.PairsChanged);
            }

            p = next;
        }
    }

    public void RetractFact(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Remove(ref fact.Entries, Id) is not RightEntry entry)
        {
            return;
        }

        var bucket = entry.Bucket;
        bucket.Remove(entry);
        Memory(memory).RemoveIfEmpty(bucket);
        for (var p = entry.Pairs; p is not null;)
        {
            var next = p.NextOfRight;
            Unlink(p);
            OnPair(memory, p, ChangeKind.Removed);
            OnLeftSettled(memory, p.Left, ChangeKind.PairsChanged);
            p = next;
        }
    }

    /// <summary>Called when a token arrives, before its pairs are found.</summary>
    protected virtual void OnLeftAdding(LeftEntry entry)
    {
    }

    /// <summary>Called for every pair that appears, changes or disappears.</summary>
    protected abstract void OnPair(WorkingMemory memory, Pairing pair, ChangeKind change);

    /// <summary>Called once the pairs of a token are up to date after a change on either side.</summary>
    protected abstract void OnLeftSettled(WorkingMemory memory, LeftEntry entry, ChangeKind change);

    private BetaMemory Memory(WorkingMemory memory) =>
        (BetaMemory)(memory.NodeMemories[Id] ??= new BetaMemory());

    private object? LeftKey(Token token)
    {
        if (Conditions.LeftKey is null)
        {
            return null;
        }

        try
        {
            return Conditions.LeftKey(token);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Conditions.Describe(), token.Values(), ex);
        }
    }

    private object? RightKey(Fact fact)
    {
        if (Conditions.RightKey is null)
        {
            return null;
        }

        try
        {
            return Conditions.RightKey(fact);
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

    private static Pairing Link(LeftEntry left, RightEntry right)
    {
        var pair = new Pairing(left, right) { NextOfLeft = left.Pairs, NextOfRight = right.Pairs };
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

    private static void Unlink(Pairing pair)
    {
        var left = pair.Left;
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
        var right = pair.Right;
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
