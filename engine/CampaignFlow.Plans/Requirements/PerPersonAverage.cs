using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>
/// The people of a selection take part, on average, in at least a number of occurrences of the subject in the window
/// (班子成员人均谈心35人次): every occurrence counts once for each of them among its participants.
/// </summary>
public sealed record PerPersonAverage : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.PerPersonAverage;

    /// <summary>The roster ids averaged over.</summary>
    public required IReadOnlyList<string> People { get; init; }

    /// <summary>The minimum average as written (35人次).</summary>
    public required Quantity Minimum { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement =>
        ("req-average", [Subject.Id, Minimum.Text, People.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
}
