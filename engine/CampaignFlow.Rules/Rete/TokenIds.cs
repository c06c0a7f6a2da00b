namespace CampaignFlow.Rules.Rete;

/// <summary>
/// Hands out the <see cref="Token.Id"/>s of one node's tokens in one session: the smallest integers it can, an id
/// given back reused first, so that the arrays of the nodes downstream stay as long as the most tokens alive at once.
/// </summary>
internal sealed class TokenIds
{
    private int _next;
    private int[] _freed = [];
    private int _freedCount;

    public int Take() => _freedCount > 0 ? _freed[--_freedCount] : _next++;

    /// <summary>Gives back the id of a token withdrawn from every node downstream.</summary>
    public void Give(int id)
    {
        if (_freedCount == _freed.Length)
        {
            Array.Resize(ref _freed, Math.Max(4, _freed.Length * 2));
        }

        _freed[_freedCount++] = id;
    }
}
