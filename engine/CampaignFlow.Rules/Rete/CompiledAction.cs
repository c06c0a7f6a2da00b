using CampaignFlow.Rules.RuleModel;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>An action compiled to read its variables straight from the activation's token.</summary>
internal sealed class CompiledAction(ActionKind kind, Action<IContext, Token>? run, Func<IContext, Token, object?>? yield, int yieldSlot)
{
    public ActionKind Kind { get; } = kind;

    public Action<IContext, Token>? Run { get; } = run;

    public Func<IContext, Token, object?>? Yield { get; } = yield;

    /// <summary>Which of the activation's linked facts this action owns.</summary>
    public int YieldSlot { get; } = yieldSlot;
}
