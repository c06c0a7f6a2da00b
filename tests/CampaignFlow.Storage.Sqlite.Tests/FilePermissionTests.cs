using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;

namespace CampaignFlow.Storage.Sqlite.Tests;

/// <summary>
/// A database holds every unit's records: the folder it creates is its owner's only (0700), and the database file
/// with its -wal and -shm (which SQLite creates with the database file's mode) are readable by their owner only (0600).
/// </summary>
public sealed class FilePermissionTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly TemporaryDatabase _parent = new();

    [Fact]
    public async Task The_folder_and_files_a_store_creates_are_its_owners_only()
    {
        var folder = Path.Combine(_parent.Folder, "data");
        var path = Path.Combine(folder, "campaignflow.db");

        await using (var stores = SqliteCampaignStores.Open(path))
        {
            await stores.Records.AppendAsync([Record()], CancellationToken.None);

            string[] files = [path, path + "-wal", path + "-shm"];
            files.ShouldAllBe(f => File.Exists(f));
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(folder).ShouldBe(OwnerOnlyFolder);
                foreach (var file in files)
                {
                    File.GetUnixFileMode(file).ShouldBe(OwnerOnlyFile, file);
                }
            }
        }
    }

    [Fact]
    public async Task An_existing_folder_keeps_its_mode_and_a_new_database_in_it_is_its_owners_only()
    {
        var path = Path.Combine(_parent.Folder, "campaignflow.db");
        var folderMode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(_parent.Folder);

        await using (var stores = SqliteCampaignStores.Open(path))
        {
            await stores.Records.AppendAsync([Record()], CancellationToken.None);

            (await stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(1);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(_parent.Folder).ShouldBe(folderMode, "a folder the operator made is theirs to set");
                File.GetUnixFileMode(path).ShouldBe(OwnerOnlyFile);
                File.GetUnixFileMode(path + "-wal").ShouldBe(OwnerOnlyFile);
            }
        }
    }

    public void Dispose() => _parent.Dispose();

    private static StoredRecord Record() =>
        new("panyu-ftu", "study-1", "activity", "concentrated-study", new DateOnly(2014, 2, 14), """{"type":"activity","day":"2014-02-14"}""", Samples.T0, "test");
}
