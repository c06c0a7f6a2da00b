namespace CampaignFlow.Console.Tests.Fixtures;

/// <summary>
/// A demo server stopped once 番禺区总工会's 专题民主生活会 has been evaluated with too many 不满意 (PY-23) and before it
/// is held again, and a browser: a server of its own, since the tests hold the meeting again.
/// </summary>
public sealed class HeldAgainFixture : ConsoleFixture
{
    /// <summary>The last day replayed: the demo's failed evaluation (18 June) is recorded three days later; the re-held meeting (8 July) is not.</summary>
    public static readonly DateOnly Until = new(2014, 6, 25);

    /// <summary>Starts the server at <see cref="Until"/>.</summary>
    public HeldAgainFixture()
        : base(new ConsoleHost(demoUntil: Until))
    {
    }
}
