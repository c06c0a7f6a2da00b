using CampaignFlow.Workflows.Activities;

namespace CampaignFlow.Workflows.Conformance.Samples;

/// <summary>
/// The workflow every store's end-to-end test runs, so the stores are compared on one definition: three windows
/// (Feb–Sep 2014), forked tasks, an approval gate between the first two, and a meeting held again until evaluated.
/// </summary>
public static class ThreePhaseCampaign
{
    /// <summary>China Standard Time, the campaign's offset.</summary>
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Midnight of a 2014 day, in China Standard Time.</summary>
    public static DateTimeOffset Day(int month, int day) => new(2014, month, day, 0, 0, 0, China);

    /// <summary>The campaign's root activity.</summary>
    public static Activity Root() => new Sequence("campaign",
        new Window("study", Day(2, 20), Day(5, 1), new Fork("study-actions",
            new RunTask("mobilization", "mobilization-held", "{correlation}"),
            new Sequence("opinions", new RunTask("solicit", "opinions-collected", "{correlation}"), new WaitForSignal("opinions-reviewed", "opinions-reviewed", "{correlation}")))),
        new WaitForSignal("plan-approved", "approved", "{correlation}/criticism-plan"),
        new Window("criticism", Day(5, 1), Day(8, 1), new Fork("criticism-actions",
            new RunTask("talks", "talks-held", "{correlation}"),
            Loop.UntilDecided("democratic-life", new RunTask("meeting", "meeting-held", "{correlation}"), "meeting-evaluated", "{correlation}"))),
        new Window("rectification", Day(8, 1), Day(10, 1), new Fork("rectification-actions",
            new RunTask("rectification-plan", "rectification-planned", "{correlation}"),
            new RunTask("publish-plan", "plan-published", "{correlation}"))));
}
