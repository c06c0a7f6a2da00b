namespace CampaignFlow.Console.Tests.Fixtures;

/// <summary>The console tests share one server and one browser (<see cref="ConsoleFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
