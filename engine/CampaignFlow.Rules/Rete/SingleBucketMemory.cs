namespace CampaignFlow.Rules.Rete;

/// <summary>The memory of a beta node without equality keys: everything is in one bucket.</summary>
internal sealed class SingleBucketMemory : BetaMemory
{
    private readonly Bucket _bucket = new();

    public override Bucket BucketOf(Token token) => _bucket;

    public override Bucket BucketOf(Fact fact) => _bucket;

    public override bool Fits(Bucket bucket, Token token) => true;

    public override bool Fits(Bucket bucket, Fact fact) => true;

    public override void RemoveIfEmpty(Bucket bucket)
    {
    }
}
