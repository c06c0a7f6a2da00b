using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>
/// The groups of one <see cref="GroupByStartNode"/> in one session. Which group a fact is in, and its neighbours
/// there, sit in arrays indexed by <see cref="Fact.Id"/>: grouping a fact allocates nothing.
/// </summary>
/// <remarks>
/// The pairs an <see cref="AggregateNode"/> would keep (one per fact, 88 bytes, and an array per group) are what a
/// group-by at a rule's start needs least: its left side is the root token alone. Here a fact costs 12 bytes in
/// arrays, and a group's members are a doubly linked list through them, in the order they joined, so that a fact
/// leaves its group in constant time.
/// </remarks>
internal abstract class FactGroups(FactTable facts)
{
    // By fact id: 0 when the fact is in no group, -1 in the null key's group, 1 + the group's id otherwise.
    private PagedArray<int> _groupOf;

    // By fact id: 1 + the id of the next or previous member of the same group, 0 at either end.
    private PagedArray<int> _next;
    private PagedArray<int> _previous;

    /// <summary>The session's root token, the parent of every group's token.</summary>
    public Token Root { get; set; } = null!;

    /// <summary>Ids of the groups' tokens.</summary>
    public TokenIds Ids { get; } = new();

    public bool Holds(Fact fact) => fact.Id < _groupOf.Length && _groupOf[fact.Id] != 0;

    /// <summary>Puts a new fact in its key's group.</summary>
    public abstract void Add(Fact fact);

    /// <summary>Moves a changed fact to its key's group if its key changed; its group changed either way.</summary>
    public abstract void Modify(Fact fact);

    /// <summary>Takes a fact out of its group.</summary>
    /// <returns>Whether the fact was in a group.</returns>
    public abstract bool Remove(Fact fact);

    /// <summary>Moves the groups that changed since the last call into <paramref name="changed"/>.</summary>
    public abstract void TakeChanged(List<AggregateResult> changed);

    /// <summary>A member's fact, for enumerating a group.</summary>
    public Fact FactAt(int id) => facts.At(id);

    /// <summary>The id of the member after <paramref name="id"/> in its group, or -1 after the last.</summary>
    public int NextOf(int id) => _next[id] - 1;

    /// <summary>The group a fact is in, as stored (see the array's comment): 0 when in none.</summary>
    protected int GroupOf(Fact fact) => fact.Id < _groupOf.Length ? _groupOf[fact.Id] : 0;

    protected void Append(ref MemberList members, Fact fact, int group)
    {
        var id = fact.Id;
        _groupOf.Cover(id);
        _next.Cover(id);
        _previous.Cover(id);

        _groupOf[id] = group;
        _next[id] = 0;
        _previous[id] = members.Last + 1;
        if (members.Last >= 0)
        {
            _next[members.Last] = id + 1;
        }
        else
        {
            members.First = id;
        }

        members.Last = id;
        members.Count++;
    }

    protected void Unlink(ref MemberList members, Fact fact)
    {
        var id = fact.Id;
        var next = _next[id] - 1;
        var previous = _previous[id] - 1;
        if (previous >= 0)
        {
            _next[previous] = next + 1;
        }
        else
        {
            members.First = next;
        }

        if (next >= 0)
        {
            _previous[next] = previous + 1;
        }
        else
        {
            members.Last = previous;
        }

        _groupOf[id] = 0;
        _next[id] = _previous[id] = 0;
        members.Count--;
    }
}
