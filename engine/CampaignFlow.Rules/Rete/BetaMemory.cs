namespace CampaignFlow.Rules.Rete;

/// <summary>A beta node's per-session index: the bucket of each join key.</summary>
internal abstract class BetaMemory
{
    public abstract Bucket BucketOf(Token token);

    public abstract Bucket BucketOf(Fact fact);

    /// <summary>Whether the token still belongs in its bucket, i.e. its key did not change.</summary>
    public abstract bool Fits(Bucket bucket, Token token);

    public abstract bool Fits(Bucket bucket, Fact fact);

    public abstract void RemoveIfEmpty(Bucket bucket);
}
