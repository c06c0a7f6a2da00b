namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The memory of a beta node with equality keys: a hash index from key to bucket, typed by the key so that
/// computing and comparing keys allocates nothing.
/// </summary>
/// <remarks>
/// Struct of arrays: bucket <c>i</c> is <c>Buckets[i]</c>, its key <c>_keys[i]</c> and its hash chain link
/// <c>_next[i]</c>, so a key costs no object of its own (a class per bucket cost 72-80 bytes and a 12-byte slot).
/// Freed ids are reused last-freed first.
/// </remarks>
internal sealed class KeyedMemory<TKey> : BetaMemory
{
    private readonly Func<Token, TKey> _leftKey;
    private readonly Func<Fact, TKey> _rightKey;
    private readonly SizeHint _hint;
    private TKey[] _keys;

    // Chain links and heads hold 1 + a bucket id, or 0 at a chain's end.
    private int[] _next;
    private int[] _heads;
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
        _next = new int[size];
        _heads = new int[size];
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
            Unchain(bucket);
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

        ref var head = ref _heads[HeadOf(key)];
        for (var link = head; link != 0; link = _next[link - 1])
        {
            if (Same(_keys[link - 1], key))
            {
                return link - 1;
            }
        }

        var bucket = NewBucket(key);

        // NewBucket may have grown the arrays: find the head again.
        ref var chain = ref _heads[HeadOf(key)];
        _next[bucket] = chain;
        chain = bucket + 1;
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
        _next[bucket] = 0;
        return bucket;
    }

    private void Unchain(int bucket)
    {
        ref var link = ref _heads[HeadOf(_keys[bucket])];
        while (link != bucket + 1)
        {
            link = ref _next[link - 1];
        }

        link = _next[bucket];
        _next[bucket] = 0;
    }

    private int HeadOf(TKey key)
    {
        // Fibonacci hashing: spreads keys whose hash codes differ only in their high bits (or are multiples of a
        // power of two) over the power-of-two table.
        var hash = (uint)EqualityComparer<TKey>.Default.GetHashCode(key!) * 0x9E3779B9u;
        return (int)(hash >> (32 - System.Numerics.BitOperations.Log2((uint)_heads.Length)));
    }

    private void Grow()
    {
        var size = Buckets.Length * 2;
        Array.Resize(ref Buckets, size);
        Array.Resize(ref _keys, size);
        _next = new int[size];
        _heads = new int[size];
        for (var bucket = 0; bucket < _used; bucket++)
        {
            // Every id is in use when the memory grows (freed ids are taken first); the null key's is in no chain.
            if (bucket == _nullBucket)
            {
                continue;
            }

            ref var head = ref _heads[HeadOf(_keys[bucket])];
            _next[bucket] = head;
            head = bucket + 1;
        }
    }
}
