using System.Collections.Concurrent;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A compiled network: immutable once built and shared by every session of a factory. Sessions keep their
/// state in their own working memory, indexed by node id.
/// </summary>
internal sealed class ReteNetwork(RootNode root, IReadOnlyList<TypeNode> typeNodes, IReadOnlyList<ReteNode> nodes, IReadOnlyList<CompiledRule> rules)
{
    // A cache of a pure function of the runtime type; filling it from several threads is harmless.
    private readonly ConcurrentDictionary<Type, TypeNode[]> _dispatch = new();

    public RootNode Root { get; } = root;

    /// <summary>How many facts sessions of this network tend to hold.</summary>
    public SizeHint FactCount { get; } = new(4096);

    public IReadOnlyList<ReteNode> Nodes { get; } = nodes;

    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    /// <summary>
    /// Every alpha memory with each node it feeds, the deepest nodes first (then in the order they were built): the
    /// order in which a batch of facts reaches the beta network (<see cref="Runtime.FactBatch"/>).
    /// </summary>
    public IReadOnlyList<(AlphaMemoryNode Memory, IFactSink Sink)> FactSinksDeepestFirst { get; } = nodes
        .OfType<AlphaMemoryNode>()
        .SelectMany(memory => memory.Sinks.Select(sink => (memory, sink)))
        .OrderByDescending(pair => pair.sink.Depth)
        .ToArray();

    public IReadOnlyDictionary<string, TerminalNode> Terminals { get; } =
        nodes.OfType<TerminalNode>().ToDictionary(t => t.Rule.Definition.Id);

    // Looked up once per inserted, updated or retracted fact: the factory is static and its argument passed in,
    // so a hit allocates no closure.
    public TypeNode[] TypeNodesFor(Type type) =>
        _dispatch.TryGetValue(type, out var nodes)
            ? nodes
            : _dispatch.GetOrAdd(type, static (t, all) => all.Where(n => n.FactType.IsAssignableFrom(t)).ToArray(), typeNodes);
}
