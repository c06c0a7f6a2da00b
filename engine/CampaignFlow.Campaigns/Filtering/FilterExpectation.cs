namespace CampaignFlow.Campaigns.Filtering;

/// <summary>What a filter's value should have been; each host words it in its own catalogue.</summary>
public enum FilterExpectation
{
    /// <summary>open or resolved.</summary>
    Status,

    /// <summary>required or soft.</summary>
    Severity,

    /// <summary>A day that exists, written yyyy-MM-dd.</summary>
    Day,

    /// <summary>A first day not after the last.</summary>
    FromNotAfterTo,

    /// <summary>A whole number from 0.</summary>
    Offset,

    /// <summary>A whole number from 1 to <see cref="ViolationFilter.MaxLimit"/>.</summary>
    Limit,
}
