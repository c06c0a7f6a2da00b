using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Rete;

/// <summary>A rule's definition with its actions compiled and the names of the values its complete matches carry.</summary>
internal sealed class CompiledRule(RuleDefinition definition, IReadOnlyList<string> declarationNames, IReadOnlyList<CompiledAction> actions)
{
    public RuleDefinition Definition { get; } = definition;

    public IReadOnlyList<string> DeclarationNames { get; } = declarationNames;

    public IReadOnlyList<CompiledAction> Actions { get; } = actions;

    public int YieldCount { get; } = actions.Count(a => a.Kind == ActionKind.Yield);
}
