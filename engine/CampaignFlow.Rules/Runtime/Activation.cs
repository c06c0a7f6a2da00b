using CampaignFlow.Rules.Rete;

namespace CampaignFlow.Rules.Runtime;

/// <summary>A complete match of one rule, waiting on the agenda or already fired; owns the facts its rule yielded.</summary>
internal sealed class Activation(TerminalNode node, Token token)
{
    public readonly TerminalNode Node = node;
    public readonly Token Token = token;
    public bool IsAlive = true;

    /// <summary>Whether the activation is waiting to fire, in the agenda.</summary>
    public bool IsQueued;

    /// <summary>The activation added to the agenda after this one, of the same priority, while both wait to fire.</summary>
    public Activation? AgendaAbove;

    /// <summary>The activation added to the agenda before this one, of the same priority, while both wait to fire.</summary>
    public Activation? AgendaBelow;

    // The facts the rule yielded, by yield slot: the fact itself when the rule yields once (the usual case, and an
    // array fewer per match), an array when it yields more than once, null before the first yield.
    private object? _linked;

    public Fact? LinkedAt(int slot) => _linked is Fact?[] many ? many[slot] : slot == 0 ? _linked as Fact : null;

    public void SetLinked(int slot, Fact? fact)
    {
        if (Node.Rule.YieldCount == 1)
        {
            _linked = fact;
            return;
        }

        var many = _linked as Fact?[] ?? new Fact?[Node.Rule.YieldCount];
        many[slot] = fact;
        _linked = many;
    }

    /// <summary>Forgets a linked fact that is being retracted, in whichever slot it is (a rule yields a few at most).</summary>
    public void Unlink(Fact fact)
    {
        if (_linked == fact)
        {
            _linked = null;
        }
        else if (_linked is Fact?[] many && Array.IndexOf(many, fact) is var slot and >= 0)
        {
            many[slot] = null;
        }
    }

    /// <summary>Every fact the rule yielded and still links here, in slot order.</summary>
    public IEnumerable<Fact> AllLinked()
    {
        if (_linked is Fact single)
        {
            yield return single;
        }
        else if (_linked is Fact?[] many)
        {
            foreach (var fact in many)
            {
                if (fact is not null)
                {
                    yield return fact;
                }
            }
        }
    }

    /// <summary>Whether the rule yielded any fact that is still linked here.</summary>
    public bool HasLinked => _linked is not null;
}
