namespace CampaignFlow.FaultHarness;

/// <summary>
/// Spreads each unit's batches over the kills, so that the hosts are killed under load from the first kill to the last.
/// With several hosts the clients never wait for a restart (another host is up), and the load would be over after a
/// few kills: the rest would only kill idle hosts. A unit's batch i of n is sent once ⌊i·kills/n⌋ restarts are done.
/// </summary>
/// <param name="Restarts">How many killed hosts have answered /health again so far.</param>
/// <param name="Kills">How many kills the run makes.</param>
internal sealed record LoadPace(Func<int> Restarts, int Kills)
{
    /// <summary>Whether batch <paramref name="index"/> (from 0) of a unit's <paramref name="count"/> may be sent now.</summary>
    public bool MayPost(int index, int count) => Restarts() >= (long)index * Kills / count;
}
