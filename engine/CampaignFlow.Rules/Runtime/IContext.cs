using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Runtime;

/// <summary>What an action can see and do while its rule fires. Valid only during that firing, on the session's thread.</summary>
public interface IContext
{
    /// <summary>The rule that is firing.</summary>
    RuleDefinition Rule { get; }

    /// <summary>The facts of the match the rule is firing for.</summary>
    RuleMatch Match { get; }

    /// <summary>Inserts a fact; rules it matches are activated at once (forward chaining).</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="InvalidOperationException">The fact is already in working memory.</exception>
    void Insert(object fact);

    /// <summary>Tells the session that a fact in working memory changed.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="InvalidOperationException">The fact is not in working memory.</exception>
    void Update(object fact);

    /// <summary>Removes a fact from working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="InvalidOperationException">The fact is not in working memory.</exception>
    void Retract(object fact);

    /// <summary>Removes a fact from working memory if it is there.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>Whether the fact was there.</returns>
    bool TryRetract(object fact);

    /// <summary>Stops <see cref="ISession.Fire(int)"/> after the current rule.</summary>
    void Halt();
}

/// <summary>The context of one firing.</summary>
internal sealed class ActionContext(Session session, Activation activation) : IContext
{
    private RuleMatch? _match;

    public RuleDefinition Rule => activation.Node.Rule.Definition;

    public RuleMatch Match => _match ??= SessionEvents.MatchOf(activation);

    public void Insert(object fact) => session.Insert(fact);

    public void Update(object fact) => session.Update(fact);

    public void Retract(object fact) => session.Retract(fact);

    public bool TryRetract(object fact) => session.TryRetract(fact);

    public void Halt() => session.Halt();
}
