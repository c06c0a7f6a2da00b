using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// A host in a process of its own (<c>--host-processes</c>): this harness started again with <c>--serve-host</c>
/// (<see cref="HostProcessCommands"/>), so the hosts share the database and nothing else, as on separate machines:
/// their own runtime, heap, GC and thread pool. The server has no endpoint that moves its clock, so the harness moves
/// it through the process's standard input, a line a command; its answers come back on standard output, marked
/// <see cref="Mark"/>, and every other line (the host's log) goes to the run's server log.
/// </summary>
internal sealed class HostProcess : IHarnessHost
{
    /// <summary>What starts a line of the child's answers, set apart from its log.</summary>
    public const string Mark = "@harness ";

    private readonly Process _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();
    private readonly string _hostId;
    private Task _reading = Task.CompletedTask;
    private int _stopped;

    private HostProcess(Process process, string hostId)
    {
        _process = process;
        _hostId = hostId;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>The process's id, for the run's lines.</summary>
    public int ProcessId => _process.Id;

    /// <summary>How long the host took to start, as it measured it.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>The process's peak working set, known once it has stopped.</summary>
    public long PeakWorkingSetBytes { get; private set; }

    /// <summary>Starts the process and waits until its host serves; its log lines go to <paramref name="log"/>.</summary>
    public static async Task<HostProcess> StartAsync(HostProcessStart start, TextWriter log)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(HostProcess).Assembly.Location);
        }

        info.ArgumentList.Add(HostProcessCommands.Argument);
        var host = new HostProcess(Process.Start(info)!, start.HostId);
        host._reading = Task.WhenAll(host.ReadAsync(host._process.StandardOutput, log, answers: true), host.ReadAsync(host._process.StandardError, log, answers: false));
        await host.SendAsync(JsonSerializer.Serialize(start));
        var ready = (await host.AnswerAsync("ready", TimeSpan.FromMinutes(30))).Split(' ');
        host.Address = new Uri(ready[1]);
        host.StartTime = TimeSpan.FromSeconds(double.Parse(ready[2], CultureInfo.InvariantCulture));
        return host;
    }

    public async Task MoveAndTickAsync(DateTimeOffset instant, CancellationToken ct)
    {
        await SendAsync("tick " + instant.ToString("O", CultureInfo.InvariantCulture));
        await AnswerAsync("ticked", TimeSpan.FromMinutes(30));
    }

    /// <summary>Stops the host and its process once, keeping its peak working set; kills it if it does not stop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                await SendAsync("stop");
                var stopped = (await AnswerAsync("stopped", TimeSpan.FromMinutes(2))).Split(' ');
                PeakWorkingSetBytes = long.Parse(stopped[1], CultureInfo.InvariantCulture);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            }
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _reading;
            _process.Dispose();
        }
    }

    private async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    // The next answer, which must be the one asked for; the process ending first is an error that says how it ended.
    private async Task<string> AnswerAsync(string expected, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            if (await _answers.Reader.WaitToReadAsync(timeout.Token) && _answers.Reader.TryRead(out var answer))
            {
                return answer.StartsWith(expected, StringComparison.Ordinal)
                    ? answer
                    : throw new InvalidOperationException($"host {_hostId} (process {_process.Id}) answered \"{answer}\" where \"{expected}\" was due");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"host {_hostId} (process {_process.Id}) did not answer \"{expected}\" in {patience.TotalMinutes:F0} min");
        }

        await _process.WaitForExitAsync();
        throw new InvalidOperationException($"host {_hostId} (process {_process.Id}) ended with exit code {_process.ExitCode} before it answered \"{expected}\"; its log is in the server log");
    }

    private async Task ReadAsync(StreamReader output, TextWriter log, bool answers)
    {
        for (var line = await output.ReadLineAsync(); line is not null; line = await output.ReadLineAsync())
        {
            if (answers && line.StartsWith(Mark, StringComparison.Ordinal))
            {
                _answers.Writer.TryWrite(line[Mark.Length..]);
            }
            else
            {
                log.WriteLine(line);
            }
        }

        if (answers)
        {
            _answers.Writer.TryComplete();
        }
    }
}
