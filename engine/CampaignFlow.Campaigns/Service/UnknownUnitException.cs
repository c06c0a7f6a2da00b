namespace CampaignFlow.Campaigns.Service;

/// <summary>No campaign runs for the unit named (an HTTP host answers 404).</summary>
/// <param name="unitId">The unit asked for.</param>
public sealed class UnknownUnitException(string unitId) : Exception($"No campaign runs for unit '{unitId}'.")
{
    /// <summary>The unit asked for.</summary>
    public string UnitId { get; } = unitId;
}
