namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The memory of a beta node with equality keys: a hash index from key to bucket, typed by the key so that
/// computing and comparing keys allocates nothing.
/// </summary>
internal sealed class KeyedMemory<TKey>(Func<Token, TKey> leftKey, Func<Fact, TKey> rightKey, SizeHint hint) : BetaMemory
{
    // Null keys never reach the dictionary: they have a bucket of their own.
#pragma warning disable CS8714
    private readonly Dictionary<TKey, KeyedBucket> buckets = new(hint.Value);
#pragma warning restore CS8714
    private KeyedBucket? nullBucket;

    public override Bucket BucketOf(Token token) => Get(leftKey(token));

    public override Bucket BucketOf(Fact fact) => Get(rightKey(fact));

    public override bool Fits(Bucket bucket, Token token) => Same(((KeyedBucket)bucket).Key, leftKey(token));

    public override bool Fits(Bucket bucket, Fact fact) => Same(((KeyedBucket)bucket).Key, rightKey(fact));

    public override void RemoveIfEmpty(Bucket bucket)
    {
        if (!bucket.IsEmpty)
        {
            return;
        }

        var key = ((KeyedBucket)bucket).Key;
        if (key is null)
        {
            nullBucket = null;
        }
        else
        {
            buckets.Remove(key);
        }
    }

    private static bool Same(TKey a, TKey b) => EqualityComparer<TKey>.Default.Equals(a, b);

    private KeyedBucket Get(TKey key)
    {
        if (key is null)
        {
            return nullBucket ??= new KeyedBucket(key);
        }

        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new KeyedBucket(key);
            buckets.Add(key, bucket);
            hint.Observe(buckets.Count);
        }

        return bucket;
    }

    private sealed class KeyedBucket(TKey key) : Bucket
    {
        public readonly TKey Key = key;
    }
}
