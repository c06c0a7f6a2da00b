using CampaignFlow.Campaigns.Lifecycle;

namespace CampaignFlow.Server.Api.PlanLifecycle;

/// <summary>One step of a plan version's history.</summary>
/// <param name="Action"><c>created</c>, <c>revised</c>, <c>submitted</c>, <c>returned</c>, <c>resubmitted</c>, <c>approved</c> or <c>published</c>.</param>
/// <param name="By">Who: the token's name, or <c>definitions/</c> for the folder.</param>
/// <param name="At">When.</param>
/// <param name="Comment">The comments given with it, or null.</param>
public sealed record PlanStepView(string Action, string By, DateTimeOffset At, string? Comment)
{
    /// <summary>The view of a step.</summary>
    /// <param name="step">The step.</param>
    public static PlanStepView Of(PlanDraftStep step) => new(Name(step.Action), step.By, step.At, step.Comment);

    /// <summary>An action or state as the API writes it: its name in camel case.</summary>
    /// <param name="value">An enum value.</param>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
