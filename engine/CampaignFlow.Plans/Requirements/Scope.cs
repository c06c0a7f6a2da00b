namespace CampaignFlow.Plans.Requirements;

/// <summary>Whom a requirement is counted for.</summary>
public enum Scope
{
    /// <summary>The unit as a whole.</summary>
    Unit,

    /// <summary>Each person selected by <c>who</c>.</summary>
    Person,

    /// <summary>Each party branch of the roster.</summary>
    Branch,

    /// <summary>Each department of the roster.</summary>
    Department,
}
