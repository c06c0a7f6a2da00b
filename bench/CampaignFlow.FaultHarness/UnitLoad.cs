namespace CampaignFlow.FaultHarness;

/// <summary>One unit's batches, sent in order by one client.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Batches">Its batches.</param>
internal sealed record UnitLoad(string Unit, IReadOnlyList<Batch> Batches);
