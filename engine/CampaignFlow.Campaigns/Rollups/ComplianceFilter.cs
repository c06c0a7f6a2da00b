namespace CampaignFlow.Campaigns.Rollups;

/// <summary>What a body's roll-up shows: on which day, which units and requirements, in which order, which page of units.</summary>
public sealed record ComplianceFilter
{
    /// <summary>
    /// The day the roll-up stands at, at its end: a period that ended on or before it has closed. Null: the last day
    /// that has ended by the service's clock (yesterday in the plans' time zone).
    /// </summary>
    public DateOnly? At { get; init; }

    /// <summary>Only units of this kind (<c>unit.kind</c> of their plan), or all.</summary>
    public string? Kind { get; init; }

    /// <summary>Only requirements of this phase, or all.</summary>
    public string? Phase { get; init; }

    /// <summary>The order of the rows.</summary>
    public ComplianceSort Sort { get; init; }

    /// <summary>How many rows to skip.</summary>
    public int Offset { get; init; }

    /// <summary>At most this many rows (the totals count every unit).</summary>
    public int Limit { get; init; } = 100;
}
