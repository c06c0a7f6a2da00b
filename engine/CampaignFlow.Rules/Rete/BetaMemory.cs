namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A beta node's per-session index: the bucket of each join key. Buckets are structs in one array, addressed by
/// their index (a bucket id); an entry remembers the id of the bucket it is filed in.
/// </summary>
/// <remarks>
/// A bucket id stays valid while its bucket holds anything; an emptied bucket's id is reused. Every access goes
/// through the array afresh, because adding a bucket may replace the array.
/// </remarks>
internal abstract class BetaMemory
{
    protected Bucket[] Buckets = new Bucket[1];

    public abstract int BucketOf(Token token);

    public abstract int BucketOf(Fact fact);

    /// <summary>Whether the token still belongs in its bucket, i.e. its key did not change.</summary>
    public abstract bool Fits(int bucket, Token token);

    public abstract bool Fits(int bucket, Fact fact);

    public void RemoveIfEmpty(int bucket)
    {
        if (Buckets[bucket].IsEmpty)
        {
            Free(bucket);
        }
    }

    public int LeftCount(int bucket) => Buckets[bucket].LeftCount;

    public int RightCount(int bucket) => Buckets[bucket].RightCount;

    public LeftEntry LeftAt(int bucket, int index) => Buckets[bucket].LeftAt(index);

    public RightEntry RightAt(int bucket, int index) => Buckets[bucket].RightAt(index);

    public void Add(int bucket, LeftEntry entry)
    {
        entry.Bucket = bucket;
        Buckets[bucket].Add(entry);
    }

    public void Add(int bucket, RightEntry entry)
    {
        entry.Bucket = bucket;
        Buckets[bucket].Add(entry);
    }

    public void Remove(LeftEntry entry) => Buckets[entry.Bucket].Remove(entry);

    public void Remove(RightEntry entry) => Buckets[entry.Bucket].Remove(entry);

    /// <summary>Counts a fact in a bucket without keeping it, for nodes that only need to know how many facts share the key.</summary>
    public void AddCounted(int bucket, IndexEntry entry)
    {
        entry.Bucket = bucket;
        Buckets[bucket].AddCounted();
    }

    public void RemoveCounted(IndexEntry entry) => Buckets[entry.Bucket].RemoveCounted();

    /// <summary>Lets go of an empty bucket, so that its id can be reused.</summary>
    protected abstract void Free(int bucket);
}
