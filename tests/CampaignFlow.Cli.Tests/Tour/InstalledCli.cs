using System.Diagnostics;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests.Tour;

/// <summary>
/// <c>campaignflow</c> installed as the README installs it: packed from the build the tests run on and installed as a
/// .NET tool from that package, into a tool folder of its own rather than the machine's global one.
/// </summary>
internal sealed class InstalledCli : IDisposable
{
    private readonly DirectoryInfo _folder;

    private InstalledCli(DirectoryInfo folder) => _folder = folder;

    /// <summary>The folder holding the <c>campaignflow</c> command, to put on PATH.</summary>
    public string ToolPath => Path.Combine(_folder.FullName, "tools");

    public static async Task<InstalledCli> InstallAsync()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var installed = new InstalledCli(Directory.CreateTempSubdirectory("campaignflow-cli-tour-"));
        var artifacts = Path.Combine(installed._folder.FullName, "artifacts");
        // A version of its own, as scripts/install-cli.sh gives each pack: NuGet would otherwise install a cached one.
        var version = "0.1.0-tour." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync("pack", Repository.Path("hosts", "CampaignFlow.Cli", "CampaignFlow.Cli.csproj"), "--no-build", "-c", configuration,
            "-o", artifacts, $"-p:Version={version}", "--nologo");
        await RunAsync("tool", "install", "campaignflow", "--tool-path", installed.ToolPath, "--add-source", artifacts, "--version", version,
            "--ignore-failed-sources");
        return installed;
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task RunAsync(params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var said = process.StandardOutput.ReadToEndAsync();
        var complained = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        process.ExitCode.ShouldBe(0, $"dotnet {string.Join(' ', arguments)}\n{await said}{await complained}");
    }
}
