using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Migrations;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Storage.Postgres.Tests.Migrations;

/// <summary>
/// Migration 4 on a schema written before it: the tallies are filled from the open violations and the days from their
/// history, so a roll-up of an old database says what a new one would.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TallyMigrationTests(PrivatePostgresServer server)
{
    [Fact]
    public async Task A_schema_written_before_the_tallies_gets_them_when_it_is_migrated()
    {
        var schema = server.NewSchemaName();
        var violations = new PostgresViolationStore(server.DataSource, schema);
        await PostgresMigrator.MigrateAsync(server.DataSource, schema);
        await violations.ApplyAsync([Open(WeeklyStudy(10), T0), Open(WeeklyStudy(11), T0.AddDays(7)), Open(MutualTalk(), T0.AddDays(60))]);
        await violations.ApplyAsync([Resolve(WeeklyStudy(10), T0.AddDays(9)), Open(WeeklyStudy(10, unit: OtherUnit), T0)]);
        var tallies = await violations.TallyOpenAsync([Unit, OtherUnit]);
        var changes = await violations.OpenChangesByDayAsync([Unit, OtherUnit]);

        // The schema as version 3 left it: no tallies, no trigger.
        await using (var drop = server.DataSource.CreateCommand($"""
            SET search_path TO "{schema}";
            DROP TRIGGER campaign_violation_tally ON campaign_violation; DROP FUNCTION campaign_violation_keep_tally();
            DROP TABLE campaign_violation_tally; DROP TABLE campaign_violation_open_day; DROP INDEX campaign_record_kind;
            DROP INDEX campaign_violation_by_unit_status; DROP TABLE campaign_plan_draft_step; DROP TABLE campaign_plan_draft;
            DROP TABLE workflow_partition_lease; DROP TABLE workflow_partition_host;
            DELETE FROM schema_version WHERE version >= 4;
            RESET search_path;
            """))
        {
            await drop.ExecuteNonQueryAsync();
        }

        (await PostgresMigrator.MigrateAsync(server.DataSource, schema)).ShouldBe([4, 5, 6, 7, 8]);
        (await violations.TallyOpenAsync([Unit, OtherUnit])).ShouldBe(tallies);
        (await violations.OpenChangesByDayAsync([Unit, OtherUnit])).ShouldBe(changes);
        tallies.Sum(t => t.Open).ShouldBe(3);
    }
}
