using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A rule's first pattern when nothing but single-fact conditions constrains it: every fact of its alpha memory is a
/// partial match of its own, extending the session's empty root token.
/// </summary>
/// <remarks>
/// A join would file every such fact in one bucket with the root token and keep a pair per fact, each with its
/// links and the fact's entry in the node; this node keeps one token per fact, in an array by <see cref="Fact.Id"/>.
/// </remarks>
internal sealed class StartNode(int id, string description) : TokenSourceNode(id, NodeKind.Join, description), ITokenSink, IFactSink
{
    public AlphaMemoryNode? RightSource { get; set; }

    /// <summary>Takes the session's root token, the parent of every token the node makes.</summary>
    public void AssertToken(WorkingMemory memory, Token token) => Memory(memory).Root = token;

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
        var tokens = Memory(memory);
        var token = new Token(tokens.Root, fact) { Id = tokens.Ids.Take() };
        tokens.Set(fact.Id, token);
        AssertSinks(memory, token);
    }

    public void AssertFacts(WorkingMemory memory, List<Fact> facts)
    {
        foreach (var fact in facts)
        {
            AssertFact(memory, fact);
        }
    }

    public void UpdateFact(WorkingMemory memory, Fact fact)
    {
        if (Memory(memory).Get(fact.Id) is not { } token)
        {
            AssertFact(memory, fact);
            return;
        }

        UpdateSinks(memory, token);
    }

    public void RetractFact(WorkingMemory memory, Fact fact)
    {
        var tokens = Memory(memory);
        if (tokens.Take(fact.Id) is { } token)
        {
            RetractSinks(memory, token);
            tokens.Ids.Give(token.Id);
        }
    }

    private StartMemory Memory(WorkingMemory memory) => (StartMemory)(memory.NodeMemories[Id] ??= new StartMemory());

    /// <summary>A start node's per-session state: the root token, and the token of each fact by fact id.</summary>
    private sealed class StartMemory
    {
        private Token?[] _byFact = [];

        public Token Root { get; set; } = null!;

        public TokenIds Ids { get; } = new();

        public Token? Get(int factId) => factId < _byFact.Length ? _byFact[factId] : null;

        public void Set(int factId, Token token)
        {
            if (factId >= _byFact.Length)
            {
                Array.Resize(ref _byFact, Math.Max(factId + 1, Math.Max(16, _byFact.Length * 2)));
            }

            _byFact[factId] = token;
        }

        public Token? Take(int factId)
        {
            var token = Get(factId);
            if (token is not null)
            {
                _byFact[factId] = null;
            }

            return token;
        }
    }
}
