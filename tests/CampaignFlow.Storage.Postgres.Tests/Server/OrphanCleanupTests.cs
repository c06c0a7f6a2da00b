using System.Diagnostics;
using CampaignFlow.Testing.Postgres;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Tests.Server;

/// <summary>A private server whose test host was killed is stopped and removed by the next fixture; a living one is not.</summary>
public sealed class OrphanCleanupTests
{
    [Fact]
    public async Task A_server_whose_owner_died_is_stopped_and_its_folder_removed()
    {
        var orphan = new PrivatePostgresServer();
        await orphan.InitializeAsync();
        try
        {
            // Make it look like a killed test host's: its owner is a process that has exited.
            await File.WriteAllTextAsync(Path.Combine(orphan.Folder, PrivatePostgresServer.OwnerFileName), await DeadOwnerLineAsync());
            await using (var command = orphan.DataSource.CreateCommand("SELECT 1"))
            {
                (await command.ExecuteScalarAsync()).ShouldBe(1);
            }

            orphan.DataSource.Clear();

            var removed = await PrivatePostgresServer.RemoveOrphansAsync(Path.GetTempPath(), PrivatePostgresServer.FindBinaries());

            removed.ShouldContain(orphan.Folder);
            Directory.Exists(orphan.Folder).ShouldBeFalse();
            var unpooled = new NpgsqlConnectionStringBuilder(orphan.ConnectionString) { Pooling = false, Timeout = 3 }.ConnectionString;
            await using var after = new NpgsqlConnection(unpooled);
            await Should.ThrowAsync<NpgsqlException>(() => after.OpenAsync(), "the orphan's postgres was stopped");
        }
        finally
        {
            await orphan.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_living_owners_server_is_left_alone()
    {
        var living = new PrivatePostgresServer();
        await living.InitializeAsync();
        try
        {
            var removed = await PrivatePostgresServer.RemoveOrphansAsync(Path.GetTempPath(), PrivatePostgresServer.FindBinaries());

            removed.ShouldNotContain(living.Folder);
            await using var command = living.DataSource.CreateCommand("SELECT 1");
            (await command.ExecuteScalarAsync()).ShouldBe(1);
        }
        finally
        {
            await living.DisposeAsync();
        }
    }

    private static async Task<string> DeadOwnerLineAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var line = PrivatePostgresServer.OwnerLine(process);
        process.Kill();
        await process.WaitForExitAsync();
        return line;
    }
}
