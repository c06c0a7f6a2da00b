namespace CampaignFlow.Storage.Sqlite.Tests.Fixtures;

/// <summary>A fresh folder under the temp directory with a database path in it; deleted (with WAL and SHM files) on dispose.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "campaignflow-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "workflows.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be releasing the file; the temp folder is not worth failing a test over.
        }
    }
}
