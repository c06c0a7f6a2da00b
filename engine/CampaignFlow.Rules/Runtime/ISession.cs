using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Rete;

namespace CampaignFlow.Rules.Runtime;

/// <summary>
/// A working memory of facts matched incrementally against a compiled rule set. Each change costs in proportion
/// to the matches it touches; <see cref="Fire(int)"/> runs the actions of the rules whose matches are pending.
/// Facts are identified by reference: update or retract the same object that was inserted.
/// </summary>
/// <threadsafety>
/// Not thread-safe. A session belongs to one thread at a time; use one session per independent set of facts (they are cheap)
/// rather than sharing one. The factory and compiled network it comes from are immutable and shared.
/// </threadsafety>
public interface ISession
{
    /// <summary>The session's events: facts inserted, updated, retracted; activations created, deleted; rules fired.</summary>
    ISessionEvents Events { get; }

    /// <summary>How many activations are waiting to fire.</summary>
    int PendingActivations { get; }

    /// <summary>Inserts a fact and matches it against every rule.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="InvalidOperationException">The fact is already in working memory.</exception>
    /// <exception cref="RuleConditionException">A condition threw while matching the fact.</exception>
    void Insert(object fact);

    /// <summary>
    /// Inserts facts as one batch: each node of the network takes the batch's facts for it at once, so a partial
    /// match that many of them change settles once (an aggregate result is passed on once with all its facts, a
    /// negation decides once) and the result is the same as inserting them one by one. <see cref="ISessionEvents.FactInserted"/>
    /// is raised for each fact, in order, once the whole batch is matched.
    /// </summary>
    /// <param name="facts">The facts.</param>
    /// <exception cref="InvalidOperationException">
    /// A fact is already in working memory, or twice in the batch; the facts before it are inserted (and matched).
    /// </exception>
    /// <exception cref="RuleConditionException">A condition threw while matching a fact.</exception>
    void InsertAll(IEnumerable<object> facts);

    /// <summary>Inserts a fact unless it is already in working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>Whether the fact was inserted.</returns>
    bool TryInsert(object fact);

    /// <summary>Re-matches a fact that changed. Matches that still hold are updated, not recreated.</summary>
    /// <param name="fact">The fact, as inserted.</param>
    /// <exception cref="InvalidOperationException">The fact is not in working memory.</exception>
    void Update(object fact);

    /// <summary>Re-matches a fact that changed, if it is in working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>Whether the fact was there.</returns>
    bool TryUpdate(object fact);

    /// <summary>Removes a fact; matches that needed it go away, with the facts they yielded.</summary>
    /// <param name="fact">The fact, as inserted.</param>
    /// <exception cref="InvalidOperationException">The fact is not in working memory.</exception>
    void Retract(object fact);

    /// <summary>Removes a fact if it is in working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>Whether the fact was there.</returns>
    bool TryRetract(object fact);

    /// <summary>Fires pending activations, highest priority first (then most recent), until none is left.</summary>
    /// <param name="maxRules">The most activations to fire.</param>
    /// <returns>How many activations fired.</returns>
    /// <exception cref="RuleActionException">An action threw; the rules fired before it stand.</exception>
    int Fire(int maxRules = int.MaxValue);

    /// <summary>The facts in working memory of a type (including linked facts).</summary>
    /// <typeparam name="T">The type, or a base type or interface of the facts wanted.</typeparam>
    /// <returns>The facts, in no particular order.</returns>
    IEnumerable<T> Query<T>();

    /// <summary>Whether a fact is in working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><c>true</c> when it is.</returns>
    bool Contains(object fact);

    /// <summary>
    /// The current matches of a rule, fired or not: a named query over working memory. A rule without actions
    /// is a pure query; its matches are maintained incrementally like any other rule's.
    /// </summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <returns>One match per activation, in no particular order.</returns>
    /// <exception cref="KeyNotFoundException">No rule of the set has that id.</exception>
    IReadOnlyList<RuleMatch> Matches(string ruleId);

    /// <summary>The match that yielded a linked fact: the evidence behind it.</summary>
    /// <param name="linkedFact">A fact in working memory.</param>
    /// <returns>The match, or <c>null</c> when the fact was not yielded by a rule.</returns>
    RuleMatch? SourceOf(object linkedFact);

    /// <summary>
    /// "Why did this rule (not) fire?": the rule's nodes in chain order (each pattern's type test and single-fact
    /// terms, its join, not, exists or aggregate node, filters, the terminal), each with how many facts or partial
    /// matches reached it and passed, and how it fared for <paramref name="fact"/>: held, failed (on which term, with
    /// which partner), found no partner, was blocked (by which fact). The nodes' terms are evaluated afresh against the
    /// session's facts, from the rule's definition, so asking changes nothing and does not depend on how the nodes keep
    /// their memories.
    /// </summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="fact">
    /// A fact to follow: it binds to the rule's first pattern (not under a not, exists or aggregate) of a type it has,
    /// and the nodes after it count only partial matches that hold it. It need not be in working memory: then the type
    /// node says <see cref="Explaining.NodeOutcome.Absent"/> and the rest what would happen if it were. <c>null</c>
    /// explains the rule alone (why it has no activation at all).
    /// </param>
    /// <returns>The explanation, with the network's own answer (<see cref="Explaining.RuleExplanation.Matched"/>) beside it.</returns>
    /// <exception cref="KeyNotFoundException">No rule of the set has that id.</exception>
    /// <exception cref="ArgumentException">The rule has no pattern the fact's type can match.</exception>
    /// <exception cref="RuleConditionException">A condition threw.</exception>
    Explaining.RuleExplanation Explain(string ruleId, object? fact = null);
}

/// <summary>A session over a compiled network.</summary>
internal sealed class Session : ISession
{
    private readonly WorkingMemory _memory;
    private readonly SessionEvents _events;
    private bool _halted;

    public Session(ReteNetwork network)
    {
        _events = new SessionEvents(this);
        _memory = new WorkingMemory(network, _events);
        network.Root.Start(_memory, new Token());
    }

    public ISessionEvents Events => _events;

    public int PendingActivations => _memory.Agenda.Count;

    public void Insert(object fact)
    {
        if (!TryInsert(fact))
        {
            throw new InvalidOperationException($"The fact '{fact}' is already in working memory.");
        }
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var batch = new FactBatch();
        var inserted = facts.TryGetNonEnumeratedCount(out var count) ? new List<Fact>(count) : [];
        if (count > 0)
        {
            // A large batch into a session would otherwise grow the fact table by doubling, rehashing every fact each time.
            _memory.Facts.Reserve(count);
        }

        object? duplicate = null;
        _memory.Batch = batch;
        try
        {
            foreach (var value in facts)
            {
                ArgumentNullException.ThrowIfNull(value, nameof(facts));
                if (Enter(value, null, 0) is not { } fact)
                {
                    duplicate = value;
                    break;
                }

                inserted.Add(fact);
            }
        }
        finally
        {
            // The facts that entered are matched even when one after them failed, as inserting one by one leaves them.
            _memory.Batch = null;
            batch.Propagate(_memory);
        }

        foreach (var fact in inserted)
        {
            _events.OnFactInserted(fact);
        }

        Settle();
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The fact '{duplicate}' is already in working memory.");
        }
    }

    public bool TryInsert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (InsertCore(fact, null, 0) is null)
        {
            return false;
        }

        Settle();
        return true;
    }

    public void Update(object fact)
    {
        if (!TryUpdate(fact))
        {
            throw new InvalidOperationException($"The fact '{fact}' is not in working memory.");
        }
    }

    public bool TryUpdate(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!_memory.Facts.TryGetValue(fact, out var entry))
        {
            return false;
        }

        UpdateCore(entry);
        Settle();
        return true;
    }

    public void Retract(object fact)
    {
        if (!TryRetract(fact))
        {
            throw new InvalidOperationException($"The fact '{fact}' is not in working memory.");
        }
    }

    public bool TryRetract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!_memory.Facts.TryGetValue(fact, out var entry))
        {
            return false;
        }

        RetractCore(entry);
        Settle();
        return true;
    }

    public int Fire(int maxRules = int.MaxValue)
    {
        _halted = false;
        var fired = 0;
        while (fired < maxRules && !_halted && _memory.Agenda.TryPop(out var activation))
        {
            fired++;
            Run(activation);
            Settle();
        }

        return fired;
    }

    public IEnumerable<T> Query<T>() => _memory.Facts.Values().OfType<T>();

    public bool Contains(object fact) => _memory.Facts.ContainsKey(fact);

    public IReadOnlyList<RuleMatch> Matches(string ruleId)
    {
        if (!_memory.Network.Terminals.TryGetValue(ruleId, out var terminal))
        {
            throw new KeyNotFoundException($"No rule of the set has the id '{ruleId}'.");
        }

        var live = terminal.Memory(_memory);
        var matches = new List<RuleMatch>(live.Count);
        foreach (var activation in live.Activations())
        {
            matches.Add(SessionEvents.MatchOf(activation));
        }

        return matches;
    }

    public RuleMatch? SourceOf(object linkedFact) =>
        _memory.Facts.TryGetValue(linkedFact, out var fact) && fact.Source is not null ? SessionEvents.MatchOf(fact.Source) : null;

    public Explaining.RuleExplanation Explain(string ruleId, object? fact = null)
    {
        if (!_memory.Network.Terminals.TryGetValue(ruleId, out var terminal))
        {
            throw new KeyNotFoundException($"No rule of the set has the id '{ruleId}'.");
        }

        var matched = Matches(ruleId).Any(m => fact is null || m.Facts.Any(b => ReferenceEquals(b.Value, fact)));
        return Explaining.RuleExplainer.Explain(terminal.Rule.Definition, _memory.Facts.Values().ToArray(), fact, fact is null || Contains(fact), matched);
    }

    internal void Halt() => _halted = true;

    private void Run(Activation activation)
    {
        var rule = activation.Node.Rule;
        var context = new ActionContext(this, activation);
        var actions = rule.Actions;
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            try
            {
                if (action.Run is not null)
                {
                    action.Run(context, activation.Token);
                }
                else if (activation.IsAlive)
                {
                    Link(activation, action.YieldSlot, action.Yield!(context, activation.Token));
                }
            }
            catch (Exception ex) when (ex is not RuleException)
            {
                throw new RuleActionException(SessionEvents.MatchOf(activation), ex);
            }
        }

        _events.OnRuleFired(activation);
    }

    private void Link(Activation activation, int slot, object? value)
    {
        var existing = activation.LinkedAt(slot);
        if (existing is { IsAlive: true })
        {
            if (value is null)
            {
                RetractCore(existing);
            }
            else if (ReferenceEquals(existing.Value, value))
            {
                UpdateCore(existing);
            }
            else if (existing.Value.GetType() == value.GetType() && !_memory.Facts.ContainsKey(value))
            {
                // The match changed: the same linked fact, with its new value, so rules see an update.
                _memory.Facts.ChangeValue(existing, value);
                UpdateCore(existing);
            }
            else
            {
                RetractCore(existing);
                activation.SetLinked(slot, TryLink(activation, slot, value));
            }

            return;
        }

        activation.SetLinked(slot, value is null ? null : TryLink(activation, slot, value));
    }

    private Fact TryLink(Activation activation, int slot, object value) =>
        InsertCore(value, activation, slot)
        ?? throw new InvalidOperationException($"Rule '{activation.Node.Rule.Definition.Id}' yielded '{value}', which is already in working memory.");

    /// <returns>The new fact, or <c>null</c> when the object is already in working memory.</returns>
    private Fact? InsertCore(object value, Activation? source, int slot)
    {
        var fact = Enter(value, source, slot);
        if (fact is not null)
        {
            _events.OnFactInserted(fact);
        }

        return fact;
    }

    /// <summary>Adds a fact to working memory and matches it (in a batch, files it in the alpha network only).</summary>
    /// <returns>The new fact, or <c>null</c> when the object is already in working memory.</returns>
    private Fact? Enter(object value, Activation? source, int slot)
    {
        var fact = source is null ? new Fact(value) : new LinkedFact(value, source);
        if (!_memory.Facts.TryAdd(fact))
        {
            return null;
        }

        _memory.Network.FactCount.Observe(_memory.Facts.Count);
        foreach (var node in _memory.Network.TypeNodesFor(value.GetType()))
        {
            node.Assert(_memory, fact);
        }

        return fact;
    }

    private void UpdateCore(Fact fact)
    {
        foreach (var node in _memory.Network.TypeNodesFor(fact.Value.GetType()))
        {
            node.Update(_memory, fact);
        }

        _events.OnFactUpdated(fact);
    }

    private void RetractCore(Fact fact)
    {
        _memory.Facts.Remove(fact);
        foreach (var node in _memory.Network.TypeNodesFor(fact.Value.GetType()))
        {
            node.Retract(_memory, fact);
        }

        // Only now: nodes that keep what they know of a fact by its id have just let go of it.
        fact.Die();

        fact.Source?.Unlink(fact);

        _events.OnFactRetracted(fact);
    }

    /// <summary>Carries out the truth maintenance that propagation deferred: linked facts whose match went away.</summary>
    private void Settle()
    {
        while (_memory.TryTakePendingRetraction(out var fact))
        {
            if (fact.IsAlive)
            {
                RetractCore(fact);
            }
        }
    }
}
