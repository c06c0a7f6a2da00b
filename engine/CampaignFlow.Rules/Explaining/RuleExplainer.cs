using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Explaining;

/// <summary>
/// Walks a rule's chain as the network builder lays it out (each pattern's type test and single-fact terms, then its
/// join, not, exists or aggregate node, then filters, then the terminal) and evaluates each node's own terms against
/// the session's facts. It reads the rule definition and the facts only, never a node's memory: the memories may be
/// laid out however the engine likes, and the explanation stays a second, independent reading of the rule.
/// </summary>
internal sealed class RuleExplainer
{
    private static readonly MethodInfo SumMethod = typeof(RuleExplainer).GetMethod(nameof(Sum), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo GroupByMethod = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.GroupBy) && m.GetGenericArguments().Length == 2 && m.GetParameters().Length == 2);

    // A rule's terms compiled once, not once per question: a compliance explanation asks for every period of a requirement.
    private static readonly ConditionalWeakTable<RuleDefinition, ConcurrentDictionary<(LambdaExpression Condition, string? Self, int Bound), ExplainedTerm[]>> Compiled = new();

    private readonly RuleDefinition _rule;
    private readonly IReadOnlyList<object> _facts;
    private readonly object? _fact;
    private readonly bool _inMemory;
    private readonly int _focus;
    private readonly List<NodeExplanation> _nodes = [];
    private readonly List<string> _scope = [];
    private List<object?[]> _tokens = [[]];
    private bool _stopped;

    private RuleExplainer(RuleDefinition rule, IReadOnlyList<object> facts, object? fact, bool inMemory)
    {
        _rule = rule;
        _facts = facts;
        _fact = fact;
        _inMemory = inMemory;
        _focus = -1;
        if (fact is not null)
        {
            _focus = rule.Conditions.ToList().FindIndex(e => e is PatternElement { Source: null } p && p.Declaration.Type.IsInstanceOfType(fact));
            if (_focus < 0)
            {
                throw new ArgumentException($"Rule '{rule.Id}' has no pattern a {fact.GetType().Name} can match.", nameof(fact));
            }
        }
    }

    /// <summary>Explains <paramref name="rule"/> for <paramref name="fact"/> (or alone) on <paramref name="facts"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="facts">The facts of working memory.</param>
    /// <param name="fact">The fact to follow down the chain, or <c>null</c>.</param>
    /// <param name="inMemory">Whether <paramref name="fact"/> is in working memory.</param>
    /// <param name="matched">Whether the network holds an activation with it.</param>
    /// <returns>The explanation.</returns>
    public static RuleExplanation Explain(RuleDefinition rule, IReadOnlyList<object> facts, object? fact, bool inMemory, bool matched)
    {
        var explainer = new RuleExplainer(rule, facts, fact, inMemory);
        explainer.Walk();
        return new RuleExplanation(rule.Id, fact, inMemory, explainer._nodes, matched);
    }

    private void Walk()
    {
        for (var i = 0; i < _rule.Conditions.Count; i++)
        {
            switch (_rule.Conditions[i])
            {
                case PatternElement { Source: null } pattern:
                    Pattern(pattern, i == _focus);
                    break;
                case PatternElement { Source: { } aggregate } pattern:
                    Aggregate(pattern, aggregate);
                    break;
                case NotElement not:
                    Existence(not.Pattern, NodeKind.Not);
                    break;
                case ExistsElement exists:
                    Existence(exists.Pattern, NodeKind.Exists);
                    break;
                case FilterElement filter:
                    Filters(filter.Conditions);
                    break;
            }
        }

        var reached = _stopped ? 0 : _tokens.Count;
        _nodes.Add(new NodeExplanation(NodeKind.Terminal, string.Empty, _rule.Id, reached, reached, _stopped ? NodeOutcome.NotReached : NodeOutcome.Held));
    }

    private void Pattern(PatternElement pattern, bool focus)
    {
        var name = pattern.Declaration.Name;
        var (candidates, beta) = Alpha(pattern, focus);
        if (_scope.Count == 0 && beta.Count == 0)
        {
            // The network's start node: each fact that passed the alpha chain is a partial match of its own.
            _tokens = candidates.Select(c => new object?[] { c }).ToList();
            _stopped |= _tokens.Count == 0;
        }
        else
        {
            var reached = _tokens.Count;
            var next = new List<object?[]>();
            var nearest = new Nearest();
            foreach (var token in _stopped ? [] : _tokens)
            {
                foreach (var candidate in candidates)
                {
                    if (nearest.Try(beta, token, candidate, _rule.Id))
                    {
                        next.Add([.. token, candidate]);
                    }
                }
            }

            var partner = nearest.Token is null ? [] : focus ? Bound(nearest.Token) : [new BoundFact(name, nearest.Candidate!)];
            _nodes.Add(Beta(NodeKind.Join, name, beta, reached, next.Count, next.Count > 0, candidates.Count, nearest, partner));
            _tokens = next;
            _stopped |= next.Count == 0;
        }

        _scope.Add(name);
    }

    private void Existence(PatternElement pattern, NodeKind kind)
    {
        var name = pattern.Declaration.Name;
        var (candidates, beta) = Alpha(pattern, false, gates: false);
        var reached = _tokens.Count;
        var next = new List<object?[]>();
        var nearest = new Nearest();
        object? blocker = null;
        foreach (var token in _stopped ? [] : _tokens)
        {
            var match = candidates.FirstOrDefault(c => nearest.Try(beta, token, c, _rule.Id));
            if ((match is null) == (kind == NodeKind.Not))
            {
                next.Add(token);
            }

            blocker ??= match;
        }

        if (kind == NodeKind.Not)
        {
            var outcome = _stopped ? NodeOutcome.NotReached : next.Count > 0 ? NodeOutcome.Held : NodeOutcome.Blocked;
            _nodes.Add(new NodeExplanation(kind, name, Text(beta), reached, next.Count, outcome)
            {
                Partner = outcome == NodeOutcome.Blocked && blocker is not null ? [new BoundFact(name, blocker)] : [],
            });
        }
        else
        {
            var partner = nearest.Token is null ? [] : new[] { new BoundFact(name, nearest.Candidate!) };
            _nodes.Add(Beta(kind, name, beta, reached, next.Count, next.Count > 0, candidates.Count, nearest, partner));
        }

        _tokens = next;
        _stopped |= next.Count == 0;
    }

    private void Aggregate(PatternElement pattern, AggregateElement aggregate)
    {
        var source = aggregate.Source;
        var (candidates, beta) = Alpha(source, false, gates: false);
        var selector = aggregate.Selector?.Compile();
        var reached = _tokens.Count;
        var next = new List<object?[]>();
        var aggregated = 0;
        foreach (var token in _stopped ? [] : _tokens)
        {
            var matched = candidates.Where(c => beta.All(t => t.Holds(token, c, _rule.Id))).ToArray();
            aggregated += matched.Length;
            foreach (var result in Results(aggregate, matched, selector))
            {
                next.Add([.. token, result]);
            }
        }

        var outcome = _stopped ? NodeOutcome.NotReached : next.Count > 0 ? NodeOutcome.Held : NodeOutcome.NoPartner;
        _nodes.Add(new NodeExplanation(NodeKind.Aggregate, pattern.Declaration.Name, $"{aggregate.Kind} {source.Declaration.Name}: {source.Declaration.Type.Name}" + (beta.Count == 0 ? string.Empty : $" where {Text(beta)}"), reached, next.Count, outcome)
        {
            Aggregated = aggregated,
        });
        _tokens = next;
        _stopped |= next.Count == 0;
        _scope.Add(pattern.Declaration.Name);
        Filters(pattern.Conditions);
    }

    /// <summary>
    /// A condition's terms (a filter's whole, a pattern's split on <c>&amp;&amp;</c>), compiled once per rule and place in
    /// it (the same lambda used twice reads its declarations from other positions).
    /// </summary>
    private ExplainedTerm[] Terms(LambdaExpression condition, string? self) =>
        Compiled.GetOrCreateValue(_rule).GetOrAdd((condition, self, _scope.Count), key => key.Self is null
            ? [ExplainedTerm.Whole(_rule.Id, key.Condition, _scope)]
            : ExplainedTerm.Of(_rule.Id, key.Condition, key.Self, _scope).ToArray());

    private void Filters(IReadOnlyList<LambdaExpression> conditions)
    {
        foreach (var condition in conditions)
        {
            var term = Terms(condition, null)[0];
            var reached = _tokens.Count;
            var next = _stopped ? [] : _tokens.Where(t => term.Holds(t, null, _rule.Id)).ToList();
            var outcome = _stopped ? NodeOutcome.NotReached : next.Count > 0 ? NodeOutcome.Held : NodeOutcome.Failed;
            _nodes.Add(new NodeExplanation(NodeKind.Filter, _scope[^1], term.Text, reached, next.Count, outcome)
            {
                FailedCondition = outcome == NodeOutcome.Failed ? term.Text : null,
                Partner = outcome == NodeOutcome.Failed ? Bound(_tokens[0]) : [],
            });
            _tokens = next;
            _stopped |= next.Count == 0;
        }
    }

    /// <summary>The pattern's type test and single-fact terms, one node each; returns the facts that passed them all and the terms left for the beta node.</summary>
    /// <remarks>
    /// Under a not, exists or aggregate, the type and alpha nodes only sort facts: none passing is no failure there (a
    /// not wants none), so they hold, and the node below them decides.
    /// </remarks>
    private (List<object> Candidates, List<ExplainedTerm> Beta) Alpha(PatternElement pattern, bool focus, bool gates = true)
    {
        var name = pattern.Declaration.Name;
        var terms = pattern.Conditions.SelectMany(c => Terms(c, name)).ToList();
        var current = _facts.Where(pattern.Declaration.Type.IsInstanceOfType).ToList();
        var alive = focus;
        var typeOutcome = focus ? (_inMemory ? NodeOutcome.Held : NodeOutcome.Absent) : current.Count > 0 || !gates ? NodeOutcome.Held : NodeOutcome.Failed;
        _nodes.Add(new NodeExplanation(NodeKind.Type, name, pattern.Declaration.Type.Name, _facts.Count, current.Count, typeOutcome));
        foreach (var term in terms.Where(t => !t.NamesOthers))
        {
            var reached = current.Count;
            current = current.Where(f => term.Holds([], f, _rule.Id)).ToList();
            NodeOutcome outcome;
            if (focus)
            {
                outcome = !alive ? NodeOutcome.NotReached : term.Holds([], _fact, _rule.Id) ? NodeOutcome.Held : NodeOutcome.Failed;
                alive &= outcome == NodeOutcome.Held;
            }
            else
            {
                outcome = current.Count > 0 || !gates ? NodeOutcome.Held : NodeOutcome.Failed;
            }

            _nodes.Add(new NodeExplanation(NodeKind.Selection, name, term.Text, reached, current.Count, outcome)
            {
                FailedCondition = outcome == NodeOutcome.Failed ? term.Text : null,
            });
        }

        var beta = terms.Where(t => t.NamesOthers).ToList();
        return (focus ? (alive ? [_fact!] : []) : current, beta);
    }

    private NodeExplanation Beta(NodeKind kind, string name, List<ExplainedTerm> beta, int reached, int passed, bool held, int candidates, Nearest nearest, IReadOnlyList<BoundFact> partner)
    {
        var outcome = _stopped || (kind == NodeKind.Join && name == FocusName && candidates == 0) ? NodeOutcome.NotReached
            : held ? NodeOutcome.Held
            : reached == 0 || candidates == 0 ? NodeOutcome.NoPartner
            : NodeOutcome.Failed;
        return new NodeExplanation(kind, name, Text(beta), reached, passed, outcome)
        {
            FailedCondition = outcome == NodeOutcome.Failed ? nearest.Failed : null,
            Partner = outcome == NodeOutcome.Failed ? partner : [],
        };
    }

    /// <summary>The declaration the explained fact binds to, or <c>null</c>.</summary>
    private string? FocusName => _focus < 0 ? null : ((PatternElement)_rule.Conditions[_focus]).Declaration.Name;

    private BoundFact[] Bound(object?[] token) =>
        token.Select((value, i) => new BoundFact(_scope[i], value!)).ToArray();

    private static string Text(List<ExplainedTerm> terms) => string.Join(" && ", terms.Select(t => t.Text));

    private static IEnumerable<object> Results(AggregateElement aggregate, object[] matched, Delegate? selector)
    {
        var elementType = aggregate.Source.Declaration.Type;
        switch (aggregate.Kind)
        {
            case AggregateKind.Collect:
                var collection = Array.CreateInstance(elementType, matched.Length);
                Array.Copy(matched, collection, matched.Length);
                return [collection];
            case AggregateKind.Count:
                return [matched.Length];
            case AggregateKind.Sum:
                return [SumMethod.MakeGenericMethod(aggregate.Selector!.ReturnType).Invoke(null, [matched.Select(m => selector!.DynamicInvoke(m)).ToArray()])!];
            case AggregateKind.Min or AggregateKind.Max:
                var values = matched.Select(m => selector!.DynamicInvoke(m)!).ToArray();
                return values.Length == 0 ? [] : [aggregate.Kind == AggregateKind.Max ? values.Max(Comparer<object>.Default)! : values.Min(Comparer<object>.Default)!];
            default:
                var elements = Array.CreateInstance(elementType, matched.Length);
                Array.Copy(matched, elements, matched.Length);
                var groups = (System.Collections.IEnumerable)GroupByMethod.MakeGenericMethod(elementType, aggregate.Selector!.ReturnType).Invoke(null, [elements, selector])!;
                return groups.Cast<object>().ToArray();
        }
    }

    private static T Sum<T>(object?[] values)
        where T : INumber<T> =>
        values.Aggregate(T.Zero, (sum, value) => sum + (T)value!);

    /// <summary>The pair that came nearest to joining: the most terms held, in order, before one failed.</summary>
    private sealed class Nearest
    {
        private int _held = -1;

        public object?[]? Token { get; private set; }

        public object? Candidate { get; private set; }

        public string? Failed { get; private set; }

        public bool Try(List<ExplainedTerm> terms, object?[] token, object candidate, string ruleId)
        {
            for (var i = 0; i < terms.Count; i++)
            {
                if (!terms[i].Holds(token, candidate, ruleId))
                {
                    if (i > _held)
                    {
                        (_held, Token, Candidate, Failed) = (i, token, candidate, terms[i].Text);
                    }

                    return false;
                }
            }

            return true;
        }
    }
}
