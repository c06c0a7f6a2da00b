using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A rule's live activations in one session, fired or not: the answer to a query by rule id.</summary>
/// <remarks>Each activation is also found by its token's id (<see cref="Token.Id"/>), in an array rather than on the token.</remarks>
internal sealed class TerminalMemory
{
    private PagedArray<Activation?> _byToken;

    public Activation? Find(Token token) => token.Id < _byToken.Length ? _byToken[token.Id] : null;

    public Activation? First { get; private set; }

    public int Count { get; private set; }

    public void Add(Activation activation)
    {
        var id = activation.Token.Id;
        _byToken.Cover(id);

        _byToken[id] = activation;
        activation.Following = First;
        if (First is not null)
        {
            First.Previous = activation;
        }

        First = activation;
        Count++;
    }

    public void Remove(Activation activation)
    {
        _byToken[activation.Token.Id] = null;
        if (activation.Previous is null)
        {
            First = activation.Following;
        }
        else
        {
            activation.Previous.Following = activation.Following;
        }

        if (activation.Following is not null)
        {
            activation.Following.Previous = activation.Previous;
        }

        activation.Previous = activation.Following = null;
        Count--;
    }
}
