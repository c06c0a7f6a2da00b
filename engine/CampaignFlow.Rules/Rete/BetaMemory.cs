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

    // What the node remembers about each token on its left, by token id.
    private PagedArray<LeftState> _left;

    // For nodes that keep pairs: the head of each token's list of pairs, by token id.
    private PagedArray<Pairing?> _pairs;

    // For aggregate nodes: each token's aggregator, by token id, apart from the state that every node keeps.
    private PagedArray<Aggregation.Aggregator?> _aggregators;

    // For nodes that keep pairs: a 32-byte row per fact filed on the right, instead of an entry object (56 bytes)
    // chained on the fact. Made with the first fact: counting nodes never need it.
    private RightRows? _rows;

    // For nodes that only count facts: 1 + the bucket each fact is counted in, by fact id (0: not counted). An int
    // per fact of the session instead of an object per fact counted.
    private PagedArray<int> _countedIn;

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

    public Token LeftAt(int bucket, int index) => Buckets[bucket].LeftAt(index);

    /// <summary>Ids of the tokens this node makes (nodes that pass on new tokens: joins and aggregates).</summary>
    public TokenIds Ids { get; } = new();

    public bool Holds(Token token) => token.Id < _left.Length && _left[token.Id].IsHeld;

    /// <summary>What the node remembers about a token it holds. A reference into an array that filing another token may replace: do not keep it across that.</summary>
    public ref LeftState Left(Token token) => ref _left[token.Id];

    /// <summary>The head of a held token's list of pairs, in nodes that keep pairs.</summary>
    public ref Pairing? PairsOf(Token token)
    {
        _pairs.Cover(token.Id);

        return ref _pairs[token.Id];
    }

    /// <summary>The aggregator of a token in an aggregate node, null before the node starts it.</summary>
    public ref Aggregation.Aggregator? AggregatorOf(Token token)
    {
        _aggregators.Cover(token.Id);

        return ref _aggregators[token.Id];
    }

    /// <summary>Files a token in a bucket, with a fresh state.</summary>
    public void Add(int bucket, Token token)
    {
        _left.Cover(token.Id);

        _left[token.Id] = new LeftState { BucketLink = bucket + 1, Slot = Buckets[bucket].Add(token) };
    }

    /// <summary>Takes a held token out of its bucket (freeing the bucket if it empties), keeping its state, to <see cref="Attach"/> it to another.</summary>
    public void Detach(Token token) => Unfile(token);

    public void Attach(int bucket, Token token)
    {
        ref var state = ref _left[token.Id];
        state.BucketLink = bucket + 1;
        state.Slot = Buckets[bucket].Add(token);
    }

    /// <summary>Lets go of a token: takes it out of its bucket (freeing the bucket if it empties) and forgets its state.</summary>
    public void Remove(Token token)
    {
        Unfile(token);
        _left[token.Id] = default;
        if (token.Id < _pairs.Length)
        {
            _pairs[token.Id] = null;
        }
    }

    private void Unfile(Token token)
    {
        ref var state = ref _left[token.Id];
        var bucket = state.Bucket;
        if (Buckets[bucket].RemoveLeftAt(state.Slot) is { } moved)
        {
            _left[moved.Id].Slot = state.Slot;
        }

        RemoveIfEmpty(bucket);
    }

    /// <summary>The row of a fact filed on the right, or -1 when it is not (nodes that keep pairs).</summary>
    public int RowOf(Fact fact) => _rows?.Find(fact) ?? -1;

    /// <summary>A fact's row. A reference into a page that filing another fact may replace: do not keep it across that.</summary>
    public ref RightRow Row(int row) => ref _rows![row];

    /// <summary>The first row of a bucket's facts, or -1 when it has none; go on with <see cref="NextRight"/>.</summary>
    public int FirstRight(int bucket) => Buckets[bucket].FirstRightLink - 1;

    /// <summary>The row after <paramref name="row"/> in its bucket, or -1 after the last.</summary>
    public int NextRight(int row)
    {
        ref var right = ref _rows![row];
        return right.Next == Buckets[right.Bucket].FirstRightLink - 1 ? -1 : right.Next;
    }

    /// <summary>Files a fact on the right in a bucket, in a new row.</summary>
    /// <returns>The row.</returns>
    public int AddRight(int bucket, Fact fact)
    {
        var row = (_rows ??= new RightRows()).Add(fact);
        AttachRight(bucket, row);
        return row;
    }

    /// <summary>Takes a fact's row out of its bucket (freeing the bucket if it empties), keeping it, to <see cref="AttachRight"/> it to another or <see cref="FreeRight"/> it.</summary>
    public void DetachRight(int row)
    {
        var rows = _rows!;
        ref var right = ref rows[row];
        var bucket = right.Bucket;
        ref var members = ref Buckets[bucket];
        if (right.Next == row)
        {
            members.FirstRightLink = 0;
        }
        else
        {
            rows[right.Previous].Next = right.Next;
            rows[right.Next].Previous = right.Previous;
            if (members.FirstRightLink == row + 1)
            {
                members.FirstRightLink = right.Next + 1;
            }
        }

        members.RemoveCounted();
        RemoveIfEmpty(bucket);
    }

    /// <summary>Files a row last among a bucket's facts.</summary>
    public void AttachRight(int bucket, int row)
    {
        var rows = _rows!;
        ref var right = ref rows[row];
        ref var members = ref Buckets[bucket];
        right.Bucket = bucket;
        if (members.FirstRightLink == 0)
        {
            right.Next = right.Previous = row;
            members.FirstRightLink = row + 1;
        }
        else
        {
            var first = members.FirstRightLink - 1;
            var last = rows[first].Previous;
            right.Next = first;
            right.Previous = last;
            rows[last].Next = row;
            rows[first].Previous = row;
        }

        members.AddCounted();
    }

    /// <summary>Forgets a detached row: its fact is no longer filed here, and the row id is reused.</summary>
    public void FreeRight(int row) => _rows!.Remove(row);

    /// <summary>The bucket a fact is counted in, or -1 when it is not (nodes that only count facts).</summary>
    public int CountedIn(Fact fact) => fact.Id < _countedIn.Length ? _countedIn[fact.Id] - 1 : -1;

    /// <summary>Counts a fact in a bucket without keeping it, for nodes that only need to know how many facts share the key.</summary>
    public void Count(int bucket, Fact fact)
    {
        _countedIn.Cover(fact.Id);

        _countedIn[fact.Id] = bucket + 1;
        Buckets[bucket].AddCounted();
    }

    /// <summary>Stops counting a fact.</summary>
    /// <returns>The bucket it was counted in.</returns>
    public int Uncount(Fact fact)
    {
        var bucket = _countedIn[fact.Id] - 1;
        _countedIn[fact.Id] = 0;
        Buckets[bucket].RemoveCounted();
        return bucket;
    }

    /// <summary>Lets go of an empty bucket, so that its id can be reused.</summary>
    protected abstract void Free(int bucket);
}
