using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Api.Plans;

/// <summary>What validating an uploaded plan found.</summary>
/// <param name="Valid">True when there is no error (warnings may remain).</param>
/// <param name="Errors">How many errors.</param>
/// <param name="Warnings">How many warnings.</param>
/// <param name="Diagnostics">Every finding, at its line:column in the uploaded text.</param>
public sealed record PlanValidationView(bool Valid, int Errors, int Warnings, IReadOnlyList<DiagnosticView> Diagnostics);
