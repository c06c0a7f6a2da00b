using System.Collections;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Explaining;

namespace CampaignFlow.Compliance.Explaining;

/// <summary>
/// One node of a requirement's compliance rule (ADR 0002's shape) as it fared for one period's due: the rules engine's
/// node-by-node explanation (<c>ISession.Explain</c> of CampaignFlow.Rules) in the compliance's words.
/// </summary>
/// <param name="Node">
/// Which node: <c>due</c> (the due's type test: the period has closed), <c>requirement</c> (the due is this requirement's),
/// <c>exception</c>, <c>exception-action</c>, <c>no-exception</c> (a soft requirement's not node), <c>records</c> (the
/// records' type test), <c>relevant</c> (the judge reads the record), <c>same-unit</c> (a judge of each record joins the
/// unit's records), <c>collect</c> (the period's relevant records collected), <c>verdict</c> (the judge finds a
/// violation), <c>violation</c> (the terminal: a violation is yielded).
/// </param>
/// <param name="Outcome"><c>held</c>, <c>failed</c>, <c>no-partner</c>, <c>blocked</c>, <c>absent</c> (the due is not inserted: the period has not closed) or <c>not-reached</c>.</param>
/// <param name="Reached">How many facts (type and alpha nodes) or partial matches with the due (the others) reached the node.</param>
/// <param name="Passed">How many went on.</param>
/// <param name="Condition">The node's test as the engine holds it.</param>
public sealed record RuleNodeCheck(string Node, string Outcome, int Reached, int Passed, string Condition)
{
    /// <summary>For <c>collect</c>: how many records were collected for the period.</summary>
    public int? Aggregated { get; init; }

    /// <summary>The term that did not hold, when the node failed.</summary>
    public string? FailedCondition { get; init; }

    /// <summary>For a join that failed or a not node that blocked: the record keys (or due periods) it was tested with.</summary>
    public IReadOnlyList<string> Partner { get; init; } = [];

    internal static RuleNodeCheck[] From(RuleExplanation explanation) =>
        explanation.Nodes.Select(n => new RuleNodeCheck(NodeOf(n), OutcomeOf(n.Outcome), n.Reached, n.Passed, n.Condition)
        {
            Aggregated = n.Aggregated,
            FailedCondition = n.FailedCondition,
            Partner = n.Kind is NodeKind.Join or NodeKind.Not or NodeKind.Exists
                ? n.Partner.Select(p => Describe(p.Value)).OfType<string>().ToArray()
                : [],
        }).ToArray();

    private static string NodeOf(NodeExplanation node) => (node.Kind, node.Declaration) switch
    {
        (NodeKind.Type, "due") => "due",
        (NodeKind.Selection, "due") => "requirement",
        (NodeKind.Type, "exception") => "exception",
        (NodeKind.Selection, "exception") => "exception-action",
        (NodeKind.Not, _) => "no-exception",
        (NodeKind.Type, "record") => "records",
        (NodeKind.Selection, "record") => "relevant",
        (NodeKind.Join, "record") => "same-unit",
        (NodeKind.Aggregate, _) => "collect",
        (NodeKind.Filter, _) => "verdict",
        (NodeKind.Terminal, _) => "violation",
        _ => node.Kind.ToString().ToLowerInvariant(),
    };

    private static string OutcomeOf(NodeOutcome outcome) => outcome switch
    {
        NodeOutcome.Held => "held",
        NodeOutcome.Failed => "failed",
        NodeOutcome.NoPartner => "no-partner",
        NodeOutcome.Blocked => "blocked",
        NodeOutcome.Absent => "absent",
        _ => "not-reached",
    };

    private static string? Describe(object value) => value switch
    {
        UnitRecord record => record.Key,
        Due due => due.Period,
        IEnumerable => null,
        _ => value.ToString(),
    };
}
