namespace CampaignFlow.Plans.Tests;

public class SmokeTests
{
    [Fact]
    public void Placeholder() => 1.ShouldBe(1);
}
