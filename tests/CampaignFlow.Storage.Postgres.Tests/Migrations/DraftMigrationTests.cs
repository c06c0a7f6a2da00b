using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Migrations;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Storage.Postgres.Tests.Migrations;

/// <summary>Migration 7 on a schema written before it: the draft tables are added and every published version is kept.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DraftMigrationTests(PrivatePostgresServer server)
{
    [Fact]
    public async Task A_schema_written_before_the_drafts_keeps_its_plans_and_takes_drafts_once_migrated()
    {
        var schema = server.NewSchemaName();
        await PostgresMigrator.MigrateAsync(server.DataSource, schema);
        var plans = new PostgresPlanStore(server.DataSource, schema);
        await plans.PublishAsync(Version(Plan, 1, PanyuFiles()));

        // The schema as version 6 left it: no drafts.
        await using (var drop = server.DataSource.CreateCommand($"""
            SET search_path TO "{schema}";
            DROP TABLE campaign_plan_draft_step; DROP TABLE campaign_plan_draft; DROP TABLE workflow_partition_lease; DROP TABLE workflow_partition_host;
            DELETE FROM schema_version WHERE version >= 7;
            RESET search_path;
            """))
        {
            await drop.ExecuteNonQueryAsync();
        }

        (await PostgresMigrator.MigrateAsync(server.DataSource, schema)).ShouldBe([7, 8]);
        (await plans.GetAsync(Plan, 1))!.Files.ShouldBe(PanyuFiles());
        var drafts = new PostgresPlanDraftStore(server.DataSource, schema);
        var draft = new PlanDraft(Plan, 2, Unit, "h", PanyuFiles(), [new PlanDraftStep(PlanDraftAction.Created, "t-recorder-panyu", T0)]);
        (await drafts.SaveAsync(draft, 0)).ShouldBeTrue();
        (await drafts.GetAsync(Plan, 2))!.Steps.ShouldBe(draft.Steps);
    }
}
