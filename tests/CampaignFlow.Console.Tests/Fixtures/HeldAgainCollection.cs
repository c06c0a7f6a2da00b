namespace CampaignFlow.Console.Tests.Fixtures;

/// <summary>The tests that hold 番禺区总工会's meeting again share one server of their own (<see cref="HeldAgainFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class HeldAgainCollection : ICollectionFixture<HeldAgainFixture>
{
    public const string Name = "held-again";
}
