namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The memory of a beta node with equality keys: a hash index from key to bucket, typed by the key so that
/// computing and comparing keys allocates nothing.
/// </summary>
internal sealed class KeyedMemory<TKey>(Func<Token, TKey> leftKey, Func<Fact, TKey> rightKey, SizeHint hint) : BetaMemory
{
    // Null keys never reach the table: they have a bucket of their own.
    private readonly KeyedTable<TKey, KeyedBucket> _buckets = new(hint.Value);
    private KeyedBucket? _nullBucket;

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

        var keyed = (KeyedBucket)bucket;
        if (keyed.Key is null)
        {
            _nullBucket = null;
        }
        else
        {
            _buckets.Remove(keyed);
        }
    }

    private static bool Same(TKey a, TKey b) => EqualityComparer<TKey>.Default.Equals(a, b);

    private KeyedBucket Get(TKey key)
    {
        if (key is null)
        {
            return _nullBucket ??= new KeyedBucket(key);
        }

        var bucket = _buckets.Find(key);
        if (bucket is null)
        {
            bucket = new KeyedBucket(key);
            _buckets.Add(bucket);
            hint.Observe(_buckets.Count);
        }

        return bucket;
    }

    private sealed class KeyedBucket(TKey key) : Bucket, IKeyedItem<TKey>
    {
        public TKey Key { get; } = key;

        public int NextInTable { get; set; }
    }
}
