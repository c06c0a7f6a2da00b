namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The facts a beta node that keeps pairs holds on its right, as rows by row id (<see cref="RightRow"/>), each found
/// from its fact through a hash index on <see cref="Fact.Id"/>.
/// </summary>
/// <remarks>
/// An array by fact id would cost 4 bytes for every fact of the session in every such node: in a compliance session a
/// node per requirement, each holding a few of the unit's records, that is more than the rows themselves. The index
/// costs 4–9 bytes a row held, and only a fact that changes or goes needs it: it is built the first time one does, so
/// a session that only inserts never pays for it. Row ids are the smallest free, so the rows' pages stay as long as the
/// most rows held.
/// </remarks>
internal sealed class RightRows : IHashedIds
{
    private readonly TokenIds _ids = new();
    private PagedArray<RightRow> _rows;
    private IdsByHash _byFact;
    private bool _indexed;
    private int _count;

    /// <summary>A row. A reference into a page that adding a row may replace: do not keep it across that.</summary>
    public ref RightRow this[int row] => ref _rows[row];

    /// <summary>The row of a fact, or -1 when the node does not hold it.</summary>
    public int Find(Fact fact)
    {
        if (!_indexed)
        {
            Index();
        }

        var hash = HashOf(fact);
        var position = _byFact.Start(hash);
        for (var row = _byFact.Next(hash, ref position); row >= 0; row = _byFact.Next(hash, ref position))
        {
            if (_rows[row].Fact == fact)
            {
                return row;
            }
        }

        return -1;
    }

    /// <summary>A new row for a fact the node does not hold yet.</summary>
    public int Add(Fact fact)
    {
        var row = _ids.Take();
        _rows.Cover(row);

        _rows[row] = new RightRow { Fact = fact };
        _count++;
        if (_indexed)
        {
            _byFact.Add(HashOf(fact), row, this);
        }

        return row;
    }

    /// <summary>Forgets a row; its id is reused.</summary>
    public void Remove(int row)
    {
        if (_indexed)
        {
            _byFact.Remove(HashOf(_rows[row].Fact), row, this);
        }

        _count--;
        _rows[row] = default;
        _ids.Give(row);
    }

    private void Index()
    {
        _byFact = new IdsByHash(_count);
        for (var row = 0; row < _rows.Length; row++)
        {
            if (_rows[row].Fact is { } fact)
            {
                _byFact.Add(HashOf(fact), row, this);
            }
        }

        _indexed = true;
    }

    uint IHashedIds.HashOf(int id) => HashOf(_rows[id].Fact);

    // A fact keeps its id while the session holds it, and ids are small and dense: Fibonacci hashing spreads them.
    private static uint HashOf(Fact fact) => IdsByHash.Of(fact.Id);
}
