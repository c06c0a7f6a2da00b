namespace CampaignFlow.Plans.Requirements;

/// <summary>A ledger's items add up by the values of a field (保留16项、废止4项、修订完善37项).</summary>
public sealed record LedgerTally : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.LedgerTally;

    /// <summary>The field counted.</summary>
    public required string Field { get; init; }

    /// <summary>The least number of items with each value of the field.</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement =>
        ("req-ledger-tally", [Subject.Id, Field, string.Join(", ", Counts.Select(c => $"{c.Key} {c.Value}"))]);
}
