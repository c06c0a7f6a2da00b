namespace CampaignFlow.Cli.Tests;

/// <summary>
/// The tests that host the server: run alone, since the host finds its content root from the working directory, which
/// the other tests' <see cref="CliRun"/> moves to the repository root while they run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerCollection
{
    public const string Name = "server";
}
