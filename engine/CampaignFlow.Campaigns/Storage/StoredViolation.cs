namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// A violation as stored and queried: the columns auditors filter by, both messages, and the whole violation
/// (arguments, evidence, plan location, seed ids) as JSON in <see cref="Details"/>.
/// </summary>
public sealed record StoredViolation
{
    /// <summary>Stable id: unit, plan version, requirement, period and target.</summary>
    public required string Id { get; init; }

    /// <summary>The unit.</summary>
    public required string Unit { get; init; }

    /// <summary>The body the unit belongs to (its plan's <c>unit.parent</c>), if any.</summary>
    public string? Body { get; init; }

    /// <summary>The plan.</summary>
    public required string PlanId { get; init; }

    /// <summary>The plan version.</summary>
    public required int PlanVersion { get; init; }

    /// <summary>The requirement not met.</summary>
    public required string RequirementId { get; init; }

    /// <summary>The plan action it belongs to.</summary>
    public required string ActionId { get; init; }

    /// <summary>The requirement kind, as its schema name (<c>period-minimum</c>, <c>approval-gate</c>…).</summary>
    public required string Kind { get; init; }

    /// <summary><c>required</c> or <c>soft</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>The phase, if any.</summary>
    public string? PhaseId { get; init; }

    /// <summary>The period judged (<c>2014-W10</c>, <c>2014-05</c>, <c>window</c>…).</summary>
    public required string Period { get; init; }

    /// <summary>The period's first day.</summary>
    public required DateOnly PeriodStart { get; init; }

    /// <summary>The period's last day.</summary>
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>The person, branch or department it concerns, or null for the unit.</summary>
    public string? Target { get; init; }

    /// <summary>The message code.</summary>
    public required string Code { get; init; }

    /// <summary>The message in Chinese.</summary>
    public required string MessageZh { get; init; }

    /// <summary>The message in English.</summary>
    public required string MessageEn { get; init; }

    /// <summary>The whole violation as JSON: arguments, evidence, plan location, seed ids.</summary>
    public required string Details { get; init; }

    /// <summary>Open or resolved; set by the store.</summary>
    public ViolationStatus Status { get; init; }

    /// <summary>When it (last) opened, by the unit's clock; set by the store.</summary>
    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>When it resolved, or null while open; set by the store.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When its row last changed, by the unit's clock; set by the store.</summary>
    public DateTimeOffset ChangedAt { get; init; }
}
