namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>
/// The ends and length of one group's list of members, a list threaded through its <see cref="FactGroups"/>' arrays
/// by fact id. A struct inside the group, so that a group costs no list object of its own.
/// </summary>
internal struct MemberList
{
    /// <summary>The id of the first member, or -1 when the list is empty.</summary>
    public int First;

    /// <summary>The id of the last member, or -1 when the list is empty.</summary>
    public int Last;

    public int Count;

    public static MemberList Empty => new() { First = -1, Last = -1 };
}
