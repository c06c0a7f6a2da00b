using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A node of the alpha network, which tests facts one at a time.</summary>
internal abstract class AlphaNode(int id, NodeKind kind, string description) : ReteNode(id, kind, description)
{
    public List<AlphaNode> AlphaChildren { get; } = [];

    public override IEnumerable<ReteNode> Children => AlphaChildren;

    public abstract void Assert(WorkingMemory memory, Fact fact);

    public abstract void Update(WorkingMemory memory, Fact fact);

    public void Retract(WorkingMemory memory, Fact fact)
    {
        // A retraction goes everywhere: memories below know whether they hold the fact, and
        // re-testing conditions on a fact that may have changed would give the wrong answer.
        foreach (var child in AlphaChildren)
        {
            child.Retract(memory, fact);
        }

        OnRetract(memory, fact);
    }

    protected virtual void OnRetract(WorkingMemory memory, Fact fact)
    {
    }

    protected void AssertChildren(WorkingMemory memory, Fact fact)
    {
        foreach (var child in AlphaChildren)
        {
            child.Assert(memory, fact);
        }
    }

    protected void UpdateChildren(WorkingMemory memory, Fact fact)
    {
        foreach (var child in AlphaChildren)
        {
            child.Update(memory, fact);
        }
    }
}
