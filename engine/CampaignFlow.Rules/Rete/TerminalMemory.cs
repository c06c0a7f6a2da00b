using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A rule's live activations in one session, fired or not: the answer to a query by rule id.</summary>
/// <remarks>
/// Each activation is found by its token's id (<see cref="Token.Id"/>), in an array rather than on the token; a query
/// reads that array, which token ids keep dense, so activations carry no links of a list of their own (16 bytes on
/// each of a large session's 143,000 matches).
/// </remarks>
internal sealed class TerminalMemory
{
    private PagedArray<Activation?> _byToken;

    public Activation? Find(Token token) => token.Id < _byToken.Length ? _byToken[token.Id] : null;

    public int Count { get; private set; }

    /// <summary>The live activations, by their tokens' ids.</summary>
    public IEnumerable<Activation> Activations()
    {
        for (var id = 0; id < _byToken.Length; id++)
        {
            if (_byToken[id] is { } activation)
            {
                yield return activation;
            }
        }
    }

    public void Add(Activation activation)
    {
        var id = activation.Token.Id;
        _byToken.Cover(id);

        _byToken[id] = activation;
        Count++;
    }

    public void Remove(Activation activation)
    {
        _byToken[activation.Token.Id] = null;
        Count--;
    }
}
