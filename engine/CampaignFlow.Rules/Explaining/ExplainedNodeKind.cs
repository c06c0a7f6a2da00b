namespace CampaignFlow.Rules.Explaining;

/// <summary>The kind of network node a step of a <see cref="RuleExplanation"/> stands for, in the order the network chains them.</summary>
public enum ExplainedNodeKind
{
    /// <summary>The type test at the top of a pattern's alpha chain: facts of the declared type (or a subtype).</summary>
    Type,

    /// <summary>A condition on the candidate fact alone (one term of a condition split on <c>&amp;&amp;</c>).</summary>
    Alpha,

    /// <summary>A join of the partial matches so far with the facts of a pattern, on the terms that name earlier declarations.</summary>
    Join,

    /// <summary>A negation: a partial match passes while no fact of the pattern joins it.</summary>
    Not,

    /// <summary>An existence test: a partial match passes while some fact of the pattern joins it.</summary>
    Exists,

    /// <summary>An aggregate (collect, group, sum, count, min, max) of the pattern's facts joined to each partial match.</summary>
    Aggregate,

    /// <summary>A condition on declarations already bound (a filter element, or a condition on an aggregate's result).</summary>
    Filter,

    /// <summary>The end of the rule: every partial match that gets here is an activation.</summary>
    Terminal,
}
