namespace CampaignFlow.Server.Api.Units;

/// <summary>What an endpoint does with a unit, so the caller's right to it can be checked.</summary>
public enum UnitAccess
{
    /// <summary>Reads its state or violations.</summary>
    Read,

    /// <summary>Records its own records.</summary>
    Record,

    /// <summary>Submits reviews: the unit's own (its principal…) or the supervision group's.</summary>
    Review,

    /// <summary>Either records or reviews; what each record needs is checked record by record.</summary>
    RecordOrReview,
}
