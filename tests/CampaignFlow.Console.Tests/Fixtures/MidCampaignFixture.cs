namespace CampaignFlow.Console.Tests.Fixtures;

/// <summary>
/// A demo server stopped in the middle of the 2014 campaigns (<c>--demo-until 2014-05-10</c>), so documents wait for
/// their supervision groups' approval, and a browser: the whole demo ends with every campaign over, nothing waiting.
/// </summary>
public sealed class MidCampaignFixture : ConsoleFixture
{
    /// <summary>The last day replayed: 番禺区总工会 has submitted its 专题民主生活会方案 (recorded 3 days after 5 May), not yet approved.</summary>
    public static readonly DateOnly Until = new(2014, 5, 10);

    /// <summary>Starts the server at <see cref="Until"/>.</summary>
    public MidCampaignFixture()
        : base(new ConsoleHost(demoUntil: Until))
    {
    }
}
