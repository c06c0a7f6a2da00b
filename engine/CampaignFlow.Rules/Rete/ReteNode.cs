using CampaignFlow.Rules.Diagnostics;

namespace CampaignFlow.Rules.Rete;

/// <summary>A node of the compiled network. Immutable once the network is built; all state lives in the session.</summary>
internal abstract class ReteNode(int id, NodeKind kind, string description)
{
    private readonly List<string> _ruleIds = [];

    public int Id { get; } = id;

    public NodeKind Kind { get; } = kind;

    public string Description { get; } = description;

    public IReadOnlyList<string> RuleIds => _ruleIds;

    public abstract IEnumerable<ReteNode> Children { get; }

    public void AddRule(string ruleId)
    {
        if (!_ruleIds.Contains(ruleId))
        {
            _ruleIds.Add(ruleId);
        }
    }
}
