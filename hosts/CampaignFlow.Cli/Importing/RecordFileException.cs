namespace CampaignFlow.Cli.Importing;

/// <summary>A file of records that cannot be read on from <see cref="Line"/>: its syntax is broken there.</summary>
internal sealed class RecordFileException(int line, int column, string reason, Exception? inner = null) : Exception(reason, inner)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
