using System.Linq.Expressions;
using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>Tests one single-fact condition; shared by every rule whose pattern starts with the same conditions.</summary>
internal sealed class SelectionNode(int id, LambdaExpression expression, Func<Fact, bool> condition)
    : AlphaNode(id, NodeKind.Selection, expression.ToString())
{
    public LambdaExpression Expression { get; } = expression;

    public override void Assert(WorkingMemory memory, Fact fact)
    {
        if (Test(fact))
        {
            AssertChildren(memory, fact);
        }
    }

    public override void Update(WorkingMemory memory, Fact fact)
    {
        if (Test(fact))
        {
            UpdateChildren(memory, fact);
        }
        else
        {
            Retract(memory, fact);
        }
    }

    private bool Test(Fact fact)
    {
        try
        {
            return condition(fact);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Description, [fact.Value], ex);
        }
    }
}
