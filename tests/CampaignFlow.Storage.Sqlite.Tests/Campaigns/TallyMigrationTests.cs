using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>
/// Migration 4 on a file written before it: the tallies are filled from the open violations and the days from their
/// history, so a roll-up of an old file says what a new one would.
/// </summary>
public sealed class TallyMigrationTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task A_file_written_before_the_tallies_gets_them_when_it_opens()
    {
        IReadOnlyList<OpenViolationTally> tallies;
        IReadOnlyList<OpenViolationChange> changes;
        await using (var stores = SqliteCampaignStores.Open(_database.Path))
        {
            await stores.Violations.ApplyAsync([Open(WeeklyStudy(10), T0), Open(WeeklyStudy(11), T0.AddDays(7)), Open(MutualTalk(), T0.AddDays(60))]);
            await stores.Violations.ApplyAsync([Resolve(WeeklyStudy(10), T0.AddDays(9)), Open(WeeklyStudy(10, unit: OtherUnit), T0)]);
            tallies = await stores.Violations.TallyOpenAsync([Unit, OtherUnit]);
            changes = await stores.Violations.OpenChangesByDayAsync([Unit, OtherUnit]);
        }

        // The file as version 3 left it: no tallies, no triggers.
        using (var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TRIGGER violations_tally_opened; DROP TRIGGER violations_tally_reopened; DROP TRIGGER violations_tally_resolved;
                DROP TABLE violation_tallies; DROP TABLE violation_open_days; DROP INDEX ix_records_kind; DROP INDEX ix_violations_unit_status; DROP TABLE plan_draft_steps; DROP TABLE plan_drafts;
                DELETE FROM schema_version WHERE version >= 4;
                """;
            command.ExecuteNonQuery();
        }

        await using (var stores = SqliteCampaignStores.Open(_database.Path))
        {
            (await stores.Violations.TallyOpenAsync([Unit, OtherUnit])).ShouldBe(tallies);
            (await stores.Violations.OpenChangesByDayAsync([Unit, OtherUnit])).ShouldBe(changes);
            tallies.Sum(t => t.Open).ShouldBe(3);
        }
    }

    public void Dispose() => _database.Dispose();
}
