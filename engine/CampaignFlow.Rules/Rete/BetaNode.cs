using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A two-input node: partial matches on the left, facts on the right, filed per session in a hash index on the
/// equality keys of the join so that only members of one bucket are ever tested against each other.
/// </summary>
/// <remarks>
/// What a node keeps about the members of a bucket is up to its kind: <see cref="PairingNode"/> keeps every pair
/// that satisfies the conditions; <see cref="CountingExistenceNode"/>, a not or exists without conditions beyond
/// its keys, only needs how many facts share a token's key.
/// </remarks>
internal abstract class BetaNode(int id, NodeKind kind, string description, JoinConditions conditions)
    : TokenSourceNode(id, kind, description), ITokenSink, IFactSink
{
    public JoinConditions Conditions { get; } = conditions;

    public AlphaMemoryNode? RightSource { get; set; }

    public abstract void AssertToken(WorkingMemory memory, Token token);

    public abstract void UpdateToken(WorkingMemory memory, Token token);

    public abstract void RetractToken(WorkingMemory memory, Token token);

    public abstract void AssertFact(WorkingMemory memory, Fact fact);

    public abstract void AssertFacts(WorkingMemory memory, List<Fact> facts);

    public abstract void UpdateFact(WorkingMemory memory, Fact fact);

    public abstract void RetractFact(WorkingMemory memory, Fact fact);

    protected BetaMemory Memory(WorkingMemory memory) =>
        (BetaMemory)(memory.NodeMemories[Id] ??= Conditions.CreateMemory());

    /// <summary>Files a token in its bucket again if its key changed, keeping what the node knows of it.</summary>
    protected void RefileLeft(BetaMemory index, Token token)
    {
        if (!Fits(index, index.Left(token).Bucket, token))
        {
            index.Detach(token);
            index.Attach(LeftBucket(index, token), token);
        }
    }

    // The key functions are the user's code: a failure names the node and the values it was computing over.
    protected int LeftBucket(BetaMemory index, Token token)
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

    protected int RightBucket(BetaMemory index, Fact fact)
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

    protected bool Fits(BetaMemory index, int bucket, Token token)
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

    protected bool Fits(BetaMemory index, int bucket, Fact fact)
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

    /// <summary>Marks a token as changed by the batch being taken in, listing it the first time.</summary>
    protected static void Touch(BetaMemory index, Token token, List<Token> touched)
    {
        ref var state = ref index.Left(token);
        if (!state.Touched)
        {
            state.Touched = true;
            touched.Add(token);
        }
    }

    /// <summary>
    /// What a not or exists node passes on, whichever way it keeps its count: the token itself, while no fact
    /// pairs with it (not) or some fact does (exists). Lives here because the two existence nodes have different
    /// memories, hence different bases.
    /// </summary>
    /// <remarks>On <see cref="ChangeKind.Removed"/>, the state is a copy taken before the node let go of the token.</remarks>
    protected void PassOnWhileQuantified(WorkingMemory memory, Token token, ref LeftState state, ChangeKind change)
    {
        if (change == ChangeKind.Removed)
        {
            if (state.Emitted)
            {
                state.Emitted = false;
                RetractSinks(memory, token);
            }

            return;
        }

        var holds = Kind == NodeKind.Not ? state.PairCount == 0 : state.PairCount > 0;
        if (holds && !state.Emitted)
        {
            state.Emitted = true;
            AssertSinks(memory, token);
        }
        else if (!holds && state.Emitted)
        {
            state.Emitted = false;
            RetractSinks(memory, token);
        }
        else if (holds && change == ChangeKind.Updated)
        {
            UpdateSinks(memory, token);
        }
    }
}
