namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// Each demo log stopped at every week of its campaign: periods pending, just closed, violated and later resolved
/// by a late record are compared on both engines at each stop, not only at the end.
/// </summary>
public class CutOffDifferentialTests
{
    public static TheoryData<string> Logs() => new(SeedLogs.Names);

    [Theory]
    [MemberData(nameof(Logs))]
    public void Both_engines_agree_at_every_week_of_the_campaign(string log)
    {
        var window = SeedLogs.PlanOf(log).Window;
        var stops = 0;
        for (var day = window.Start; day <= window.End.AddDays(7); day = day.AddDays(7))
        {
            BothEngines.ShouldAgree(log, SeedLogs.Log(log).Records, BothEngines.StartOf(day), $"{log} up to {day:yyyy-MM-dd}");
            stops++;
        }

        stops.ShouldBeGreaterThan(4);
    }
}
