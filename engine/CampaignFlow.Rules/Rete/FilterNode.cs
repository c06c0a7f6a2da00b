using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>Passes on the partial matches that satisfy a condition over their bound values.</summary>
internal sealed class FilterNode(int id, System.Linq.Expressions.LambdaExpression expression, Func<Token, bool> condition)
    : TokenSourceNode(id, NodeKind.Filter, expression.Body.ToString()), ITokenSink
{
    public System.Linq.Expressions.LambdaExpression Expression { get; } = expression;

    public void AssertToken(WorkingMemory memory, Token token)
    {
        if (Test(token))
        {
            NodeEntry.Add(ref token.Entries, new NodeEntry(Id));
            AssertSinks(memory, token);
        }
    }

    public void UpdateToken(WorkingMemory memory, Token token)
    {
        var passed = NodeEntry.Find(token.Entries, Id) is not null;
        var passes = Test(token);
        if (passed && passes)
        {
            UpdateSinks(memory, token);
        }
        else if (passes)
        {
            NodeEntry.Add(ref token.Entries, new NodeEntry(Id));
            AssertSinks(memory, token);
        }
        else if (passed)
        {
            NodeEntry.Remove(ref token.Entries, Id);
            RetractSinks(memory, token);
        }
    }

    public void RetractToken(WorkingMemory memory, Token token)
    {
        if (NodeEntry.Remove(ref token.Entries, Id) is not null)
        {
            RetractSinks(memory, token);
        }
    }

    private bool Test(Token token)
    {
        try
        {
            return condition(token);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Description, token.Values(), ex);
        }
    }
}
