using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Server.Tests.Process;

/// <summary>
/// The built server (CampaignFlow.Server.dll of this configuration) run as its own process from the repository
/// root, as the README runs it, with its output captured; killed on dispose.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private ServerProcess(System.Diagnostics.Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The server's dll, built beside the tests in the same configuration.</summary>
    public static string Dll
    {
        get
        {
            // .../tests/CampaignFlow.Server.Tests/bin/<Configuration>/net10.0/
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return Repository.Path("hosts", "CampaignFlow.Server", "bin", configuration, framework.Name, "CampaignFlow.Server.dll");
        }
    }

    /// <summary>Starts <c>dotnet CampaignFlow.Server.dll ARGS</c> in the repository root.</summary>
    public static ServerProcess Start(params string[] args) => StartIn(Repository.Root, args);

    /// <summary>
    /// Starts <c>dotnet CampaignFlow.Server.dll ARGS</c> in <paramref name="workingDirectory"/>, where its default
    /// <c>definitions</c> and <c>data</c> folders are then found.
    /// </summary>
    public static ServerProcess StartIn(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child must not inherit a test-time environment that changes where it listens or what it reads.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        return new ServerProcess(System.Diagnostics.Process.Start(start)!);
    }

    /// <summary>A TCP port on 127.0.0.1 nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>
    /// Polls <c>/health</c> until the campaigns run (it answers 503 while they start) or the process exits; the
    /// answers seen while starting are kept in <paramref name="starting"/> when given.
    /// </summary>
    public async Task<HttpResponseMessage> WaitUntilStartedAsync(HttpClient client, TimeSpan timeout, List<string>? starting = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var health = await WaitForAsync(client, "/health", deadline - DateTime.UtcNow);
            if (health.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return health;
            }

            starting?.Add(await health.Content.ReadAsStringAsync());
            health.Dispose();
            await Task.Delay(100);
        }
    }

    /// <summary>Asks the server to stop as a service manager does (SIGTERM), without waiting.</summary>
    public void Terminate()
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Polls <paramref name="url"/> until it answers (any status) or the process exits.</summary>
    public async Task<HttpResponseMessage> WaitForAsync(HttpClient client, string url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                return await client.GetAsync(url);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
