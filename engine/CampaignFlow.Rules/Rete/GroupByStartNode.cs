using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Rete.Aggregation;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A rule's first element when it groups facts by a key of their own, with no condition on other facts: each
/// non-empty group is a partial match of its own, extending the session's empty root token.
/// </summary>
/// <remarks>
/// An <see cref="AggregateNode"/> would file every fact in one bucket with the root token and keep a pair per fact
/// (and an array of pairs per group); this node keeps each fact's group in arrays by <see cref="Fact.Id"/>
/// (<see cref="FactGroups"/>), as <see cref="StartNode"/> does for a rule's first pattern.
/// </remarks>
internal sealed class GroupByStartNode(int id, string description, System.Linq.Expressions.LambdaExpression selector, Func<FactTable, FactGroups> newGroups)
    : TokenSourceNode(id, NodeKind.Aggregate, description), ITokenSink, IFactSink
{
    public AlphaMemoryNode? RightSource { get; set; }

    /// <summary>The key selector over an untyped element, by which rules that group alike share the node.</summary>
    public System.Linq.Expressions.LambdaExpression Selector { get; } = selector;

    /// <summary>Takes the session's root token, the parent of every group's token.</summary>
    public void AssertToken(WorkingMemory memory, Token token) => Groups(memory).Root = token;

    public void UpdateToken(WorkingMemory memory, Token token)
    {
        // The root token never changes.
    }

    public void RetractToken(WorkingMemory memory, Token token)
    {
        // The root token lives as long as the session.
    }

    public void AssertFact(WorkingMemory memory, Fact fact)
    {
        var groups = Groups(memory);
        Add(groups, fact);
        Settle(memory, groups);
    }

    public void AssertFacts(WorkingMemory memory, List<Fact> facts)
    {
        var groups = Groups(memory);
        foreach (var fact in facts)
        {
            Add(groups, fact);
        }

        Settle(memory, groups);
    }

    public void UpdateFact(WorkingMemory memory, Fact fact)
    {
        var groups = Groups(memory);
        if (!groups.Holds(fact))
        {
            AssertFact(memory, fact);
            return;
        }

        Modify(groups, fact);
        Settle(memory, groups);
    }

    public void RetractFact(WorkingMemory memory, Fact fact)
    {
        var groups = Groups(memory);
        if (groups.Remove(fact))
        {
            Settle(memory, groups);
        }
    }

    // The key selector is the user's code: a failure names the node and the fact.
    private void Add(FactGroups groups, Fact fact)
    {
        try
        {
            groups.Add(fact);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Description, [fact.Value], ex);
        }
    }

    private void Modify(FactGroups groups, Fact fact)
    {
        try
        {
            groups.Modify(fact);
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Description, [fact.Value], ex);
        }
    }

    /// <summary>Passes on each group that changed: a new one as a new partial match, an emptied one withdrawn.</summary>
    private void Settle(WorkingMemory memory, FactGroups groups)
    {
        var changed = memory.RentResultList();
        groups.TakeChanged(changed);
        foreach (var group in changed)
        {
            if (group.HasValue)
            {
                if (group.Child is null)
                {
                    group.Child = new Token(groups.Root, group) { Id = groups.Ids.Take() };
                    AssertSinks(memory, group.Child);
                }
                else
                {
                    UpdateSinks(memory, group.Child);
                }
            }
            else if (group.Child is not null)
            {
                var child = group.Child;
                group.Child = null;
                RetractSinks(memory, child);
                groups.Ids.Give(child.Id);
            }
        }

        memory.ReturnResultList(changed);
    }

    private FactGroups Groups(WorkingMemory memory) => (FactGroups)(memory.NodeMemories[Id] ??= newGroups(memory.Facts));
}
