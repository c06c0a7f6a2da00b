using CampaignFlow.Rules.Rete;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Diagnostics;

/// <summary>
/// What happens in a session, as it happens. Handlers run synchronously on the session's thread, inside the
/// operation that caused the event; they must not call back into the session.
/// </summary>
public interface ISessionEvents
{
    /// <summary>A fact entered working memory (inserted by the caller or an action, or yielded as a linked fact).</summary>
    event EventHandler<FactEventArgs>? FactInserted;

    /// <summary>A fact in working memory was updated (or a linked fact replaced).</summary>
    event EventHandler<FactEventArgs>? FactUpdated;

    /// <summary>A fact left working memory (including a linked fact whose match went away).</summary>
    event EventHandler<FactEventArgs>? FactRetracted;

    /// <summary>A rule matched: an activation was put on the agenda.</summary>
    event EventHandler<ActivationEventArgs>? ActivationCreated;

    /// <summary>The facts of an activation changed; it was put on the agenda again.</summary>
    event EventHandler<ActivationEventArgs>? ActivationUpdated;

    /// <summary>A match went away: its activation left the agenda, and its linked facts are retracted.</summary>
    event EventHandler<ActivationEventArgs>? ActivationDeleted;

    /// <summary>A rule fired; the match carries the facts that made it fire.</summary>
    event EventHandler<ActivationEventArgs>? RuleFired;
}

/// <summary>Raises a session's events, building the evidence only when someone listens.</summary>
internal sealed class SessionEvents(object sender) : ISessionEvents
{
    public event EventHandler<FactEventArgs>? FactInserted;

    public event EventHandler<FactEventArgs>? FactUpdated;

    public event EventHandler<FactEventArgs>? FactRetracted;

    public event EventHandler<ActivationEventArgs>? ActivationCreated;

    public event EventHandler<ActivationEventArgs>? ActivationUpdated;

    public event EventHandler<ActivationEventArgs>? ActivationDeleted;

    public event EventHandler<ActivationEventArgs>? RuleFired;

    public static RuleMatch MatchOf(Activation activation)
    {
        var rule = activation.Node.Rule;
        var values = activation.Token.Values();
        var facts = new BoundFact[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            facts[i] = new BoundFact(rule.DeclarationNames[i], values[i]);
        }

        return new RuleMatch(rule.Definition, facts);
    }

    public void OnFactInserted(Fact fact) => FactInserted?.Invoke(sender, Args(fact));

    public void OnFactUpdated(Fact fact) => FactUpdated?.Invoke(sender, Args(fact));

    public void OnFactRetracted(Fact fact) => FactRetracted?.Invoke(sender, Args(fact));

    public void OnActivationCreated(Activation activation) => ActivationCreated?.Invoke(sender, new ActivationEventArgs(MatchOf(activation)));

    public void OnActivationUpdated(Activation activation) => ActivationUpdated?.Invoke(sender, new ActivationEventArgs(MatchOf(activation)));

    public void OnActivationDeleted(Activation activation) => ActivationDeleted?.Invoke(sender, new ActivationEventArgs(MatchOf(activation)));

    public void OnRuleFired(Activation activation) => RuleFired?.Invoke(sender, new ActivationEventArgs(MatchOf(activation)));

    private static FactEventArgs Args(Fact fact) =>
        new(fact.Value, fact.Source is null ? null : MatchOf(fact.Source));
}
