using CampaignFlow.Server.Tests.Process;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests.Tour;

/// <summary>
/// The README's tour, run as written with <c>campaignflow</c> installed from the package of this build, in a copy of
/// the repository's <c>definitions/</c> and <c>docs/</c>; its server commands against the real server started there
/// on its own data folder (the README's address replaced by the port it listens on). Every command must exit 0, and
/// one asked for <c>--lang zh-CN</c> must print no English frame.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReadmeTourTests : IDisposable
{
    private const string ReadmeServer = "http://127.0.0.1:5080";

    // What the tour asks that this run cannot do as written, and why; each is tested elsewhere.
    private static readonly (string Start, string Why)[] Excluded =
    [
        ("scripts/install-cli.sh", "installs into the machine's global tools; the test installs the same package into a folder of its own"),
        ("export PATH=", "the test puts its tool folder on PATH"),
        ("campaignflow migrate", "needs a version 2 of the plan published on a demo server; MigrateCommandTests"),
        ("campaignflow publish", "needs the tokens of 西关街道 and of the body above, configured on the server; PublishCommandTests"),
        ("curl ", "the body above approving the draft publish submitted; PublishCommandTests"),
    ];

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("campaignflow-tour-");

    [Fact]
    public async Task The_README_tour_runs_as_written_with_the_installed_campaignflow()
    {
        var commands = ReadmeTour.Commands();
        commands.ShouldContain(c => c.StartsWith("campaignflow simulate", StringComparison.Ordinal));
        var run = commands.Where(c => !Excluded.Any(e => c.StartsWith(e.Start, StringComparison.Ordinal))).ToArray();
        run.Length.ShouldBeGreaterThan(15);

        CopyFolder(Repository.Path("definitions"), Path.Combine(_root.FullName, "definitions"));
        CopyFolder(Repository.Path("docs"), Path.Combine(_root.FullName, "docs"));
        using var cli = await InstalledCli.InstallAsync();
        var url = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        using var server = ServerProcess.StartIn(_root.FullName, "--urls", url);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        (await server.WaitUntilStartedAsync(client, TimeSpan.FromMinutes(2))).IsSuccessStatusCode.ShouldBeTrue(server.Output);

        var tour = await TourRun.RunAsync([.. run.Select(c => c.Replace(ReadmeServer, url, StringComparison.Ordinal))], _root.FullName, cli.ToolPath, TimeSpan.FromMinutes(4));

        tour.ExitCode.ShouldBe(0, $"{tour.Last.Command}\n{tour.Last.Output}");
        tour.Steps.Count.ShouldBe(run.Length);
        foreach (var (command, output) in tour.Steps.Where(s => s.Command.Contains("--lang zh-CN", StringComparison.Ordinal)))
        {
            EnglishFrames.In(output).ShouldBeEmpty($"{command}\n{output}");
        }
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
