using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A fact as the network sees it: the user's object plus the session's bookkeeping about it.</summary>
/// <remarks>
/// A session holds one per fact, so it carries only what every fact needs: a yielded fact's source is in
/// <see cref="LinkedFact"/>, and what a node keeps about it is in that node's arrays by <see cref="Id"/>.
/// </remarks>
internal class Fact : IKeyedItem<ObjectIdentity>
{
    private const int NotInSession = -1;

    public object Value;

    public Fact(object value)
    {
        Value = value;
    }

    /// <summary>
    /// The fact's slot in the session's <see cref="Runtime.FactTable"/>: a small integer, unique among the session's live
    /// facts, by which nodes keep what they know of the fact in arrays instead of objects. Negative once retracted
    /// (and for aggregate results, which are no session's facts).
    /// </summary>
    public int Id { get; set; } = NotInSession;

    public bool IsAlive => Id >= 0;

    ObjectIdentity IKeyedItem<ObjectIdentity>.Key => new(Value);

    /// <summary>The activation that yielded this fact, for linked facts; null for facts the caller inserted.</summary>
    public virtual Activation? Source => null;

    /// <summary>Marks the fact retracted, once every node has let go of it.</summary>
    public void Die() => Id = NotInSession;
}
