namespace CampaignFlow.Plans.Requirements;

/// <summary>The period a recurring requirement is counted over.</summary>
public enum Recurrence
{
    /// <summary>Every calendar week (Monday to Sunday) of the window.</summary>
    Week,

    /// <summary>Every calendar month of the window.</summary>
    Month,

    /// <summary>Every calendar quarter of the window.</summary>
    Quarter,

    /// <summary>Every calendar year of the window.</summary>
    Year,
}
