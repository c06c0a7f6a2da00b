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

    /// <summary>
    /// A start node's per-session state: the root token, and the token of each fact. A token per fact of the session
    /// would cost 8 bytes for every fact, of every type; the token's id per fact costs 4, and the tokens by id only
    /// as many slots as the node has tokens.
    /// </summary>
    private sealed class StartMemory
    {
        // 1 + the id of each fact's token, by fact id; 0 when the fact has none.
        private PagedArray<int> _tokenOf;
        private PagedArray<Token?> _byId;

        public Token Root { get; set; } = null!;

        public TokenIds Ids { get; } = new();

        public Token? Get(int factId) => factId < _tokenOf.Length && _tokenOf[factId] != 0 ? _byId[_tokenOf[factId] - 1] : null;

        public void Set(int factId, Token token)
        {
            _tokenOf.Cover(factId);

            _byId.Cover(token.Id);

            _tokenOf[factId] = token.Id + 1;
            _byId[token.Id] = token;
        }

        public Token? Take(int factId)
        {
            var token = Get(factId);
            if (token is not null)
            {
                _tokenOf[factId] = 0;
                _byId[token.Id] = null;
            }

            return token;
        }
    }
}
