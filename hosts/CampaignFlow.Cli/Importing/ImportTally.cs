namespace CampaignFlow.Cli.Importing;

/// <summary>What an import did: records stored, records the store already held, and each refused record's line and reason.</summary>
internal sealed class ImportTally
{
    private readonly List<(int Line, string Reason)> _refused = [];

    public int Read { get; set; }

    public int Stored { get; set; }

    public int Duplicates { get; set; }

    /// <summary>The refused records by line, each with the server's reason(s).</summary>
    public IReadOnlyList<(int Line, string Reason)> Refused => [.. _refused.OrderBy(r => r.Line)];

    public void Refuse(int line, string reason) => _refused.Add((line, reason));
}
