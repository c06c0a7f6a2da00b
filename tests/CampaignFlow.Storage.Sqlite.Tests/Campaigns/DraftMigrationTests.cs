using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>Migration 7 on a file written before it: the draft tables are added and every published version and record is kept.</summary>
public sealed class DraftMigrationTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task A_file_written_before_the_drafts_keeps_its_plans_and_records_and_takes_drafts_when_it_opens()
    {
        await using (var stores = SqliteCampaignStores.Open(_database.Path))
        {
            await stores.Plans.PublishAsync(Version(Plan, 1, PanyuFiles()));
            await stores.Records.AppendAsync([Study(10)]);
        }

        // The file as version 6 left it: no drafts.
        using (var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE plan_draft_steps; DROP TABLE plan_drafts; DELETE FROM schema_version WHERE version >= 7;";
            command.ExecuteNonQuery();
        }

        await using (var stores = SqliteCampaignStores.Open(_database.Path))
        {
            (await stores.Plans.GetAsync(Plan, 1))!.Files.ShouldBe(PanyuFiles());
            (await stores.Records.ReadUnitAsync(Unit)).ShouldHaveSingleItem();
            var draft = new PlanDraft(Plan, 2, Unit, "h", PanyuFiles(), [new PlanDraftStep(PlanDraftAction.Created, "t-recorder-panyu", T0)]);
            (await stores.Drafts.SaveAsync(draft, 0)).ShouldBeTrue();
            (await stores.Drafts.GetAsync(Plan, 2))!.State.ShouldBe(PlanDraftState.Draft);
        }
    }

    public void Dispose() => _database.Dispose();
}
