namespace CampaignFlow.Console.Tests.Fixtures;

/// <summary>The tests that need the campaigns running share one mid-campaign server (<see cref="MidCampaignFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class MidCampaignCollection : ICollectionFixture<MidCampaignFixture>
{
    public const string Name = "mid-campaign";
}
