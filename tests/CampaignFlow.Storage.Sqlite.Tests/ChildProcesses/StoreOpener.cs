namespace CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;

/// <summary>Child mode: opens (and so migrates) a database, prints <c>opened</c>, exits.</summary>
internal static class StoreOpener
{
    public const string Mode = "open";

    public static int Run(string databasePath)
    {
        using var store = SqliteWorkflowStore.Open(databasePath);
        Console.WriteLine("opened");
        return 0;
    }
}
