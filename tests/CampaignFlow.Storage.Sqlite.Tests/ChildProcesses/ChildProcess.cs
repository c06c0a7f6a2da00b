using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;

/// <summary>This test assembly started as a separate process in one of its <see cref="Program"/> modes, with its output lines queued.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly StringBuilder _errors = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.CompleteAdding();
            }
            else
            {
                _lines.Add(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
    }

    public static ChildProcess Start(params string[] args)
    {
        // `dotnet exec` on the test assembly itself: its deps.json and runtimeconfig.json are in the output folder.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + host);
        var child = new ChildProcess(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Writes a line to the child's standard input.</summary>
    public void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>The next output line, or null when the process ended or <paramref name="timeout"/> passed.</summary>
    public string? ReadLine(TimeSpan timeout) => _lines.TryTake(out var line, timeout) ? line : null;

    /// <summary>Every line still queued or yet to arrive before the output closes (call after the process ended).</summary>
    public List<string> DrainLines()
    {
        _process.WaitForExit(); // also waits for the redirected output to be read to its end
        return [.. _lines.GetConsumingEnumerable()];
    }

    /// <summary>SIGKILL: no finally block, no dispose, no flush runs in the child.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            throw new TimeoutException("child process did not exit; stderr: " + Errors);
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _lines.Dispose();
    }
}
