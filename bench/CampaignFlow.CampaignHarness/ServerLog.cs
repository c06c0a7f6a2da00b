namespace CampaignFlow.CampaignHarness;

/// <summary>
/// The host's console log, sent to a file for the run (the harness's own output stays on the terminal): read at the
/// end for errors (a failed tick is logged, not thrown) and warnings.
/// </summary>
internal sealed class ServerLog(string path) : IDisposable
{
    private readonly TextWriter _terminal = Console.Out;
    private readonly StreamWriter _file = new(path) { AutoFlush = true };

    public string Path { get; } = path;

    /// <summary>The terminal, for the harness's own lines while the host's go to the file.</summary>
    public TextWriter Terminal => _terminal;

    public void Capture() => Console.SetOut(_file);

    /// <summary>Lines logged at <paramref name="level"/> (<c>fail</c>, <c>crit</c>, <c>warn</c>), the simple console format's marks.</summary>
    public IReadOnlyList<string> Lines(string level)
    {
        _file.Flush();
        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var found = new List<string>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Contains($" {level}: ", StringComparison.Ordinal))
            {
                found.Add(line);
            }
        }

        return found;
    }

    public void Dispose()
    {
        Console.SetOut(_terminal);
        _file.Dispose();
    }
}
