using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Rete;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Runtime;

/// <summary>
/// A rule set compiled to a network, from which sessions are made. Compile once, share everywhere.
/// </summary>
/// <threadsafety>
/// Immutable and thread-safe: any number of threads may create sessions at the same time. Each session it
/// creates is single-threaded.
/// </threadsafety>
public interface ISessionFactory
{
    /// <summary>The rules of the set, as compiled.</summary>
    IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>The compiled network's shape: its nodes and which rules share them.</summary>
    INetworkInfo Network { get; }

    /// <summary>Creates an empty session. Cheap: node memories are allocated as facts reach them.</summary>
    /// <returns>A new session, to be used from one thread at a time.</returns>
    ISession CreateSession();
}

/// <summary>Creates sessions over one immutable network.</summary>
internal sealed class SessionFactory(ReteNetwork network) : ISessionFactory
{
    private readonly Lazy<INetworkInfo> _info = new(() => new NetworkInfo(network));

    public IReadOnlyList<RuleDefinition> Rules { get; } = network.Rules.Select(r => r.Definition).ToArray();

    public INetworkInfo Network => _info.Value;

    public ISession CreateSession() => new Session(network);
}
