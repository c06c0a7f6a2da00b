namespace CampaignFlow.Rules.Rete;

/// <summary>The memory of a beta node without equality keys: everything is in one bucket, bucket 0.</summary>
internal sealed class SingleBucketMemory : BetaMemory
{
    public override int BucketOf(Token token) => 0;

    public override int BucketOf(Fact fact) => 0;

    public override bool Fits(int bucket, Token token) => true;

    public override bool Fits(int bucket, Fact fact) => true;

    protected override void Free(int bucket)
    {
        // The one bucket is never let go: it is reused as it is.
    }
}
