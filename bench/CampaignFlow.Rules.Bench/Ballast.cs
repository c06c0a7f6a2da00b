namespace CampaignFlow.Rules.Bench;

/// <summary>
/// Small objects kept alive beside a session, as many per fact as <c>--retain</c> says (32 bytes each, a reference to
/// a fact like a token's): a probe of what the garbage collector charges for every object a session keeps, to tell how
/// much fewer objects per fact could still buy.
/// </summary>
/// <remarks>
/// Held in a chain (each object points at the one before: references from young objects to old) or, with
/// <c>--retain-in array</c>, in pages of an array as a node's memory holds its tokens (references written from old
/// arrays to young objects, which every young collection must find through the card table).
/// </remarks>
public sealed class Ballast
{
    private const int PageSize = 8192;

    private readonly int _perFact;
    private readonly bool _inArray;
    private readonly List<object?[]> _pages = [];
    private int _count;
    private Item? _last;

    /// <param name="perFact">Objects per fact; 0 keeps nothing.</param>
    /// <param name="heldIn"><c>chain</c> or <c>array</c>.</param>
    public Ballast(int perFact, string heldIn)
    {
        _perFact = perFact;
        _inArray = heldIn switch
        {
            "chain" => false,
            "array" => true,
            _ => throw new ArgumentException($"Unknown --retain-in '{heldIn}': chain or array."),
        };
    }

    /// <summary>Whether it keeps nothing (<c>--retain 0</c>).</summary>
    public bool IsEmpty => _perFact == 0;

    /// <summary>A fresh ballast of the same kind, for the next session.</summary>
    public Ballast Next() => new(_perFact, _inArray ? "array" : "chain");

    /// <summary>Adds the objects for <paramref name="facts"/>.</summary>
    public void Add(IReadOnlyList<object> facts)
    {
        foreach (var fact in facts)
        {
            for (var i = 0; i < _perFact; i++)
            {
                if (!_inArray)
                {
                    _last = new Item(_last, fact);
                    continue;
                }

                if (_count % PageSize == 0)
                {
                    _pages.Add(new object?[PageSize]);
                }

                _pages[^1][_count++ % PageSize] = new Item(null, fact);
            }
        }
    }

    private sealed class Item(Item? previous, object fact)
    {
        public readonly Item? Previous = previous;
        public readonly object Fact = fact;
    }
}
