using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CampaignFlow.Cli.Tests.Tour;

/// <summary>
/// The tour's commands run one after the other by one bash, as a reader pasting them would (what one exports, the
/// next sees), stopping at the first that fails; what each printed (stdout and stderr, in order) is kept apart.
/// </summary>
internal sealed record TourRun(int ExitCode, IReadOnlyList<(string Command, string Output)> Steps)
{
    private const string Mark = "\u001e tour step ";

    /// <summary>The step that ran last: the one that failed when <see cref="ExitCode"/> is not 0.</summary>
    public (string Command, string Output) Last => Steps.Count == 0 ? ("", "") : Steps[^1];

    public static async Task<TourRun> RunAsync(IReadOnlyList<string> commands, string workingDirectory, string toolPath, TimeSpan timeout)
    {
        var script = new StringBuilder("set -euo pipefail\nexec 2>&1\n");
        for (var i = 0; i < commands.Count; i++)
        {
            script.Append(CultureInfo.InvariantCulture, $"printf '\\n{Mark}%d\\n' {i}\n").Append(commands[i]).Append('\n');
        }

        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = toolPath + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        // The tool's launcher finds the runtime by DOTNET_ROOT when dotnet is not where it looks by default.
        if (!start.Environment.TryGetValue("DOTNET_ROOT", out var root) || string.IsNullOrEmpty(root))
        {
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(ResolvedDotnet());
        }

        start.Environment.Remove("CAMPAIGNFLOW_TOKEN");
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment.Remove("LC_ALL");
        start.Environment.Remove("LC_MESSAGES");
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        await bash.StandardInput.WriteAsync(script.ToString());
        bash.StandardInput.Close();
        try
        {
            await bash.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            bash.Kill(entireProcessTree: true);
            throw;
        }

        var steps = new List<(string, string)>();
        foreach (var part in (await output + await error).Split(Mark).Skip(1))
        {
            var newline = part.IndexOf('\n', StringComparison.Ordinal);
            var index = int.Parse(part[..newline], CultureInfo.InvariantCulture);
            steps.Add((commands[index], part[(newline + 1)..]));
        }

        return new TourRun(bash.ExitCode, steps);
    }

    private static string ResolvedDotnet()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
            ? host
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "dotnet")).FirstOrDefault(File.Exists) ?? "/usr/share/dotnet/dotnet";
        return new FileInfo(dotnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dotnet;
    }
}
