namespace CampaignFlow.Cli.Importing;

/// <summary>A file of records read one record at a time, and how a batch of them is sent to the API.</summary>
internal interface IRecordFile : IDisposable
{
    /// <summary>The content type the API reads a batch as.</summary>
    string MediaType { get; }

    /// <summary>How far through the file reading is, 0 to 1.</summary>
    double Progress { get; }

    /// <summary>The records, in file order, read as they are asked for.</summary>
    /// <exception cref="RecordFileException">The file cannot be read from some line on.</exception>
    IEnumerable<ImportedRecord> Records();

    /// <summary>
    /// The request body for <paramref name="records"/>, and the body's line each record starts on (1-based), so the
    /// server's findings at line:column can be traced back to the file.
    /// </summary>
    (string Body, int[] FirstLines) Compose(IReadOnlyList<ImportedRecord> records);
}
