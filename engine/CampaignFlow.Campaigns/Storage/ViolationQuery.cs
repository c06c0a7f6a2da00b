namespace CampaignFlow.Campaigns.Storage;

/// <summary>A filter over stored violations; every null filter matches all. Results are ordered by period end, then id.</summary>
public sealed record ViolationQuery
{
    /// <summary>Only these units (an auditor's units under a body, a reviewer's supervision group), or all when null.</summary>
    public IReadOnlyCollection<string>? Units { get; init; }

    /// <summary>Only this plan.</summary>
    public string? PlanId { get; init; }

    /// <summary>Only this requirement.</summary>
    public string? RequirementId { get; init; }

    /// <summary>Only this phase.</summary>
    public string? PhaseId { get; init; }

    /// <summary>Only this period label.</summary>
    public string? Period { get; init; }

    /// <summary>Only this severity (<c>required</c> or <c>soft</c>).</summary>
    public string? Severity { get; init; }

    /// <summary>Only this status.</summary>
    public ViolationStatus? Status { get; init; }

    /// <summary>Only periods ending on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only periods starting on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>How many matching rows to skip.</summary>
    public int Offset { get; init; }

    /// <summary>At most this many rows.</summary>
    public int Limit { get; init; } = 100;
}
