using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// The CLI packs as the .NET tool <c>campaignflow</c> that the README's install line puts on PATH: packed here from the
/// build the tests run on, and the package read back.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly DirectoryInfo _artifacts = Directory.CreateTempSubdirectory("campaignflow-cli-pack-");

    [Fact]
    public async Task The_CLI_packs_as_the_campaignflow_tool()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            ArgumentList = { "pack", Repository.Path("hosts", "CampaignFlow.Cli", "CampaignFlow.Cli.csproj"), "--no-build", "-c", configuration, "-o", _artifacts.FullName, "--nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var pack = Process.Start(start)!;
        var said = pack.StandardOutput.ReadToEndAsync();
        var complained = pack.StandardError.ReadToEndAsync();
        await pack.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        pack.ExitCode.ShouldBe(0, await said + await complained);

        var package = _artifacts.GetFiles("campaignflow.*.nupkg").ShouldHaveSingleItem();
        using var zip = ZipFile.OpenRead(package.FullName);
        var entries = zip.Entries.Select(e => e.FullName).ToArray();
        entries.ShouldContain("tools/net10.0/any/campaignflow.dll");
        entries.ShouldContain("tools/net10.0/any/CampaignFlow.Storage.Sqlite.dll");
        using var settings = zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        var command = XDocument.Load(settings).Descendants("Command").ShouldHaveSingleItem();
        command.Attribute("Name")!.Value.ShouldBe("campaignflow");
        command.Attribute("EntryPoint")!.Value.ShouldBe("campaignflow.dll");
    }

    public void Dispose() => _artifacts.Delete(recursive: true);
}
