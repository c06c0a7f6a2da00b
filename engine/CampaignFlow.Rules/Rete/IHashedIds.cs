namespace CampaignFlow.Rules.Rete;

/// <summary>The owner of an <see cref="IdsByHash"/>: it knows the hash of the item each id stands for.</summary>
internal interface IHashedIds
{
    /// <summary>The hash an id was filed under: <see cref="IdsByHash.Of"/> of its item's key's hash code.</summary>
    /// <param name="id">An id filed in the index.</param>
    uint HashOf(int id);
}
