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
            Passed(memory).Set(token, true);
            AssertSinks(memory, token);
        }
    }

    public void UpdateToken(WorkingMemory memory, Token token)
    {
        var passed = Passed(memory).Get(token);
        var passes = Test(token);
        if (passed && passes)
        {
            UpdateSinks(memory, token);
        }
        else if (passes)
        {
            Passed(memory).Set(token, true);
            AssertSinks(memory, token);
        }
        else if (passed)
        {
            Passed(memory).Set(token, false);
            RetractSinks(memory, token);
        }
    }

    public void RetractToken(WorkingMemory memory, Token token)
    {
        var passed = Passed(memory);
        if (passed.Get(token))
        {
            passed.Set(token, false);
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

    private PassedTokens Passed(WorkingMemory memory) => (PassedTokens)(memory.NodeMemories[Id] ??= new PassedTokens());

    /// <summary>Which tokens the filter passed on, by token id: a bit's worth each, not an entry object.</summary>
    private sealed class PassedTokens
    {
        private PagedArray<bool> _passed;

        public bool Get(Token token) => token.Id < _passed.Length && _passed[token.Id];

        public void Set(Token token, bool passed)
        {
            _passed.Cover(token.Id);

            _passed[token.Id] = passed;
        }
    }
}
