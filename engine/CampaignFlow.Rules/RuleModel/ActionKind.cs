namespace CampaignFlow.Rules.RuleModel;

/// <summary>What an action does when its rule fires.</summary>
public enum ActionKind
{
    /// <summary>Runs the lambda for its effects (it may insert, update or retract facts through the context).</summary>
    Do,

    /// <summary>
    /// Evaluates the lambda to a fact and inserts it as a linked fact: the engine retracts it when the match
    /// that produced it goes away, and replaces it when the match changes and the rule fires again.
    /// </summary>
    Yield,
}
