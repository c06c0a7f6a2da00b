using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>People who must have met (a star, all pairs, a relation), or attribute values that must all occur.</summary>
public sealed record Coverage : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Coverage;

    /// <summary>Which form of coverage.</summary>
    public required CoverageForm Form { get; init; }

    /// <summary>For people: every pair that must share a record, each pair ordered as (first, second) by roster order.</summary>
    public required IReadOnlyList<PersonPair> Pairs { get; init; }

    /// <summary>For values: the attribute.</summary>
    public string? Attribute { get; init; }

    /// <summary>For values: those that must all occur.</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => Form == CoverageForm.Values
        ? ("req-coverage-values", [Subject.Id, Attribute ?? "", string.Join(", ", Values)])
        : ("req-coverage-pairs", [Subject.Id, "@" + FormatWords.Kebab(Form.ToString()), Pairs.Count.ToString(CultureInfo.InvariantCulture)]);
}
