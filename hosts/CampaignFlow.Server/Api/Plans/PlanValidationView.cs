using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Api.Plans;

/// <summary>What validating an uploaded plan found.</summary>
/// <param name="Valid">True when there is no error (warnings may remain).</param>
/// <param name="Errors">How many errors.</param>
/// <param name="Warnings">How many warnings.</param>
/// <param name="Diagnostics">The findings, at their line:column in the uploaded text, the first <see cref="MaxShown"/> of them.</param>
/// <param name="Truncated">True when there were more findings than are shown.</param>
public sealed record PlanValidationView(bool Valid, int Errors, int Warnings, IReadOnlyList<DiagnosticView> Diagnostics, bool Truncated)
{
    /// <summary>
    /// The most findings one answer carries: a megabyte of mistakes can make a hundred thousand of them, and nobody
    /// reads past the first screens; the counts still say how many there are.
    /// </summary>
    public const int MaxShown = 1000;
}
