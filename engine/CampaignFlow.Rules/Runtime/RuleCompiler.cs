using CampaignFlow.Rules.Compilation;
using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Runtime;

/// <summary>Compiles rule definitions into a session factory.</summary>
/// <threadsafety>Stateless; may be called from any thread.</threadsafety>
public static class RuleCompiler
{
    /// <summary>Compiles a rule set into one network, sharing nodes between rules with common conditions.</summary>
    /// <param name="rules">The rules; ids must be unique.</param>
    /// <returns>An immutable factory for sessions over the rules.</returns>
    /// <exception cref="RuleCompilationException">A rule is malformed.</exception>
    public static ISessionFactory Compile(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var builder = new NetworkBuilder();
        foreach (var rule in rules)
        {
            builder.AddRule(rule);
        }

        return new SessionFactory(builder.Build());
    }

    /// <summary>Compiles a rule set into one network, sharing nodes between rules with common conditions.</summary>
    /// <param name="rules">The rules; ids must be unique.</param>
    /// <returns>An immutable factory for sessions over the rules.</returns>
    /// <exception cref="RuleCompilationException">A rule is malformed.</exception>
    public static ISessionFactory Compile(params RuleDefinition[] rules) => Compile((IEnumerable<RuleDefinition>)rules);
}
