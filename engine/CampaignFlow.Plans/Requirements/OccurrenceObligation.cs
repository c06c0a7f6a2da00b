using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>Each occurrence of an activity obliges each selected participant to do something within a time (every leader present writes a reflection).</summary>
public sealed record OccurrenceObligation : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.OccurrenceObligation;

    /// <summary>The activity kind whose occurrences oblige.</summary>
    public required string ForEach { get; init; }

    /// <summary>The roster ids of the people obliged when present.</summary>
    public required IReadOnlyList<string> Participants { get; init; }

    /// <summary>
    /// True when each obliged participant owes their own record (<c>perParticipant</c>); false when the unit owes one
    /// record per occurrence (an evaluation after each meeting).
    /// </summary>
    public bool PerParticipant { get; init; } = true;

    /// <summary>How soon after each occurrence's last day (in working days when written so), or null for the end of the window.</summary>
    public Quantity? Within { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-obligation", [ForEach, Subject.Id, Within?.Text ?? "-"]);
}
