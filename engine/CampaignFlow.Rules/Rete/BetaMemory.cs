namespace CampaignFlow.Rules.Rete;

/// <summary>A beta node's per-session index: buckets by join key.</summary>
internal sealed class BetaMemory
{
    /// <summary>Stands for a null key, which dictionaries refuse, and for the single key of a join without equalities.</summary>
    public static readonly object NullKey = new();

    private readonly Dictionary<object, Bucket> buckets = [];

    public Bucket GetOrAdd(object? key)
    {
        key ??= NullKey;
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket(key);
            buckets.Add(key, bucket);
        }

        return bucket;
    }

    public void RemoveIfEmpty(Bucket bucket)
    {
        if (bucket.IsEmpty)
        {
            buckets.Remove(bucket.Key);
        }
    }
}
