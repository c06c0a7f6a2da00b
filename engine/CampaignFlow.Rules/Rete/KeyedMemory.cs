namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The memory of a beta node with equality keys: a hash index from key to bucket, typed by the key so that
/// computing and comparing keys allocates nothing.
/// </summary>
/// <remarks>
/// Struct of arrays: bucket <c>i</c> is <c>Buckets[i]</c> and its key <c>_keys[i]</c>, found by the key's hash in an
/// <see cref="IdsByHash"/>, so a key costs no object of its own (a class per bucket cost 72-80 bytes and a 12-byte slot).
/// Freed ids are reused last-freed first.
/// </remarks>
internal sealed class KeyedMemory<TKey> : BetaMemory, IHashedIds
{
    private readonly Func<Token, TKey> _leftKey;
    private readonly Func<Fact, TKey> _rightKey;
    private readonly SizeHint _hint;
    private IdsByHash _index;
    private TKey[] _keys;
    private int _used;
    private int[] _freed = [];
    private int _freedCount;

    // Null keys never reach the hash chains: they have a bucket of their own.
    private int _nullBucket = -1;

    public KeyedMemory(Func<Token, TKey> leftKey, Func<Fact, TKey> rightKey, SizeHint hint)
    {
        _leftKey = leftKey;
        _rightKey = rightKey;
        _hint = hint;
        var size = 16;
        while (size < hint.Value)
        {
            size *= 2;
        }

        Buckets = new Bucket[size];
        _keys = new TKey[size];
        _index = new IdsByHash(hint.Value);
    }

    public override int BucketOf(Token token) => Get(_leftKey(token));

    public override int BucketOf(Fact fact) => Get(_rightKey(fact));

    public override bool Fits(int bucket, Token token) => Same(_keys[bucket], _leftKey(token));

    public override bool Fits(int bucket, Fact fact) => Same(_keys[bucket], _rightKey(fact));

    protected override void Free(int bucket)
    {
        if (bucket == _nullBucket)
        {
            _nullBucket = -1;
        }
        else
        {
            _index.Remove(HashOf(_keys[bucket]), bucket, this);
        }

        Buckets[bucket] = default;
        _keys[bucket] = default!;
        if (_freedCount == _freed.Length)
        {
            Array.Resize(ref _freed, Math.Max(4, _freed.Length * 2));
        }

        _freed[_freedCount++] = bucket;
    }

    private static bool Same(TKey a, TKey b) => EqualityComparer<TKey>.Default.Equals(a, b);

    private int Get(TKey key)
    {
        if (key is null)
        {
            if (_nullBucket < 0)
            {
                _nullBucket = NewBucket(key);
            }

            return _nullBucket;
        }

        var hash = HashOf(key);
        var position = _index.Start(hash);
        for (var candidate = _index.Next(hash, ref position); candidate >= 0; candidate = _index.Next(hash, ref position))
        {
            if (Same(_keys[candidate], key))
            {
                return candidate;
            }
        }

        var bucket = NewBucket(key);
        _index.Add(hash, bucket, this);
        _hint.Observe(_used - _freedCount);
        return bucket;
    }

    private int NewBucket(TKey key)
    {
        int bucket;
        if (_freedCount > 0)
        {
            bucket = _freed[--_freedCount];
        }
        else
        {
            if (_used == Buckets.Length)
            {
                Grow();
            }

            bucket = _used++;
        }

        _keys[bucket] = key;
        return bucket;
    }

    uint IHashedIds.HashOf(int id) => HashOf(_keys[id]);

    private static uint HashOf(TKey key) => IdsByHash.Of(EqualityComparer<TKey>.Default.GetHashCode(key!));

    private void Grow()
    {
        // Buckets keep their ids, so only the arrays by id grow; the index grows by itself.
        var size = Buckets.Length * 2;
        Array.Resize(ref Buckets, size);
        Array.Resize(ref _keys, size);
    }
}
