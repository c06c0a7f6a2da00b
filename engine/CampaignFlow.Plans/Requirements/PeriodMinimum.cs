using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>In every period of the window, at least an amount: hours of working time, a count, or a sum of an attribute.</summary>
public sealed record PeriodMinimum : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.PeriodMinimum;

    /// <summary>The period counted over.</summary>
    public required Recurrence Every { get; init; }

    /// <summary>The minimum as written.</summary>
    public required Quantity Minimum { get; init; }

    /// <summary>The minimum in hours when it is working time; otherwise the count or amount.</summary>
    public required decimal MinimumValue { get; init; }

    /// <summary>With <see cref="Scope.Person"/>: each person's own minimum (rank-dependent), in the same unit as <see cref="MinimumValue"/>.</summary>
    public required IReadOnlyDictionary<string, decimal> PersonMinimums { get; init; }

    /// <summary>The attribute summed, or null to time or count occurrences.</summary>
    public string? Sum { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-period-minimum", ["@" + FormatWords.Kebab(Every.ToString()), Subject.Id, Minimum.Text, Minimum.IsWorkingTime ? HoursMark + Hours(MinimumValue) : Hours(MinimumValue)]);

    private static string Hours(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
