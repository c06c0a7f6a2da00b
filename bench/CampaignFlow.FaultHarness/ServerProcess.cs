using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CampaignFlow.FaultHarness;

/// <summary>
/// The real server (hosts/CampaignFlow.Server) as a child process on loopback, with one admin token: started, killed
/// with SIGKILL (no shutdown code runs), or stopped as an operator would.
/// </summary>
internal sealed class ServerProcess(string serverDll, string repository, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string token)
{
    private Process? _process;
    private StreamWriter? _log;
    private volatile bool _up;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort()}");

    /// <summary>Answered /health since it was last started, and not killed or stopped since: the load may be sent to it.</summary>
    public bool IsUp => _up;

    /// <summary>Starts the server and waits until /health answers 200; the log goes to <paramref name="log"/>.</summary>
    public async Task StartAsync(string log, HttpClient client, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(serverDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        info.Environment["CampaignFlow__Tokens__0__Name"] = "fault-harness";
        info.Environment["CampaignFlow__Tokens__0__Role"] = "admin";
        info.Environment["CampaignFlow__Tokens__0__Hash"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__CampaignFlow.Campaigns.Service.CampaignService"] = "Information";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        // Closed only once the process has exited and its output is drained (WaitForExit without a timeout waits for both).
        var writer = _log = new StreamWriter(log, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode} while starting; see {log}");
            }

            try
            {
                using var health = await client.GetAsync(new Uri(BaseAddress, "/health"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    _up = true;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the server did not answer /health within {timeout}; see {log}");
    }

    /// <summary>SIGKILL: the process dies between any two instructions, as in a power cut of the process.</summary>
    public void Kill()
    {
        _up = false;
        _process?.Kill(entireProcessTree: false);
        _process?.WaitForExit();
        _process = null;
        CloseLog();
    }

    /// <summary>SIGTERM and wait: the host stops as an operator stops it.</summary>
    public async Task StopAsync()
    {
        _up = false;
        if (_process is null)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            Kill();
            return;
        }

        _process.WaitForExit();
        _process = null;
        CloseLog();
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is not null)
        {
            lock (writer)
            {
                writer.WriteLine(line);
            }
        }
    }

    private void CloseLog()
    {
        if (_log is { } log)
        {
            lock (log)
            {
                log.Dispose();
            }
        }

        _log = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
