namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A table size learned from earlier sessions of the same network, so that the next session's tables start at the
/// size they are likely to reach instead of growing step by step (sessions of one rule set tend to look alike).
/// The one mutable thing in a compiled network: it only ever affects speed, never results, and racing updates
/// from several threads are harmless (the worst outcome is a smaller hint).
/// </summary>
internal sealed class SizeHint(int limit)
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public void Observe(int count)
    {
        if (count > _value && count <= limit)
        {
            Volatile.Write(ref _value, count);
        }
    }
}
