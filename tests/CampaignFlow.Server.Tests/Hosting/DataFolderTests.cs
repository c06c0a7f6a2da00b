using System.Net;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Hosting;

/// <summary>
/// The data folder holds every unit's records and the token hashes: the server creates it readable by its owner only
/// (0700), and the SQLite file with its -wal and -shm 0600, as it writes admin-token.
/// </summary>
public sealed class DataFolderTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _data = CampaignServer.NewDataFolder();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_data_folder_and_the_database_files_are_the_owners_only(bool tokensConfigured)
    {
        using var server = new CampaignServer(tokens: tokensConfigured, dataFolder: _data);
        server.CreateClient();
        var token = tokensConfigured ? TestTokens.Admin : (await File.ReadAllTextAsync(Path.Combine(_data, TokenRegistry.AdminTokenFileName))).Trim();
        var record = """{ "key": "study-w07", "activity": "concentrated-study", "on": "2014-02-14", "hours": "半天", "participants": ["su-zhibang"] }""";
        await (await server.As(token).PostAsync("/units/panyu-ftu/records", ApiJson.Json(record))).ReadAsync(HttpStatusCode.Created);

        var database = Path.Combine(_data, CampaignStoresOpener.SqliteFileName);
        string[] files = [database, database + "-wal", database + "-shm"];
        files.ShouldAllBe(f => File.Exists(f));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(_data).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var file in files)
            {
                File.GetUnixFileMode(file).ShouldBe(OwnerOnlyFile, file);
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
