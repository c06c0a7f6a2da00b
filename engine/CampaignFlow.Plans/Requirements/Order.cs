using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>Done only after other actions, optionally within a time of the last of them (动员大会结束后开展民主评议; 会后一周内).</summary>
public sealed record Order : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Order;

    /// <summary>Actions that must be done first.</summary>
    public required IReadOnlyList<string> After { get; init; }

    /// <summary>Actions this one must precede.</summary>
    public required IReadOnlyList<string> Before { get; init; }

    /// <summary>How soon after the actions in <see cref="After"/>, or null.</summary>
    public Quantity? Within { get; init; }

    /// <inheritdoc />
    /// <remarks>One template for each of after, before and both, with or without a time: a sentence never names an empty side.</remarks>
    public override (string Code, string[] Arguments) Statement =>
        ((After.Count, Before.Count) switch { ( > 0, > 0) => "req-order", ( > 0, _) => "req-order-after", _ => "req-order-before" } + (Within is null ? "" : "-within"),
         [Subject.Id, string.Join(", ", After), string.Join(", ", Before), Within?.Text ?? ""]);
}
