using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A rule's live activations in one session, fired or not: the answer to a query by rule id.</summary>
internal sealed class TerminalMemory
{
    public Activation? First { get; private set; }

    public int Count { get; private set; }

    public void Add(Activation activation)
    {
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
