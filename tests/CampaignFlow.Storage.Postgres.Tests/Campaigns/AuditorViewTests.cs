using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>The views auditors query with SQL tools show what the stores wrote, by plain column names.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditorViewTests(PrivatePostgresServer server)
{
    [Fact]
    public async Task The_violations_view_shows_each_violation_with_unit_requirement_phase_period_and_status()
    {
        var schema = server.NewSchemaName();
        var stores = await PostgresCampaignStores.OpenAsync(server.DataSource, schema);
        var week10 = CampaignSamples.WeeklyStudy(10);
        var talk = CampaignSamples.MutualTalk();
        await stores.Violations.ApplyAsync([CampaignSamples.Open(week10, CampaignSamples.T0), CampaignSamples.Open(talk, CampaignSamples.T0)]);
        await stores.Violations.ApplyAsync([CampaignSamples.Resolve(week10, CampaignSamples.T0.AddDays(2))]);

        // The README's example query, as an auditor would type it.
        await using var command = server.DataSource.CreateCommand($"""
            SET search_path TO {schema};
            SELECT violation_id, unit, body, plan_id, plan_version, requirement_id, action_id, kind, severity, phase, period,
                   period_start, period_end, target, status, opened_at AT TIME ZONE 'Asia/Shanghai', resolved_at AT TIME ZONE 'Asia/Shanghai',
                   message_zh, message_en, details->'source'->>0
            FROM campaignflow_violations
            WHERE unit = 'panyu-ftu' AND period_start >= date '2014-03-01'
            ORDER BY period_end, violation_id;
            """);
        var rows = new List<object?[]>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }

        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(new object?[]
        {
            week10.Id, "panyu-ftu", "panyu-district", "panyu-ftu-2014", 1, "weekly-study", "weekly-study", "period-minimum", "required", "study", "2014-W10",
            new DateOnly(2014, 3, 3), new DateOnly(2014, 3, 9), null, "resolved", new DateTime(2014, 3, 10, 9, 0, 0), new DateTime(2014, 3, 12, 9, 0, 0),
            week10.MessageZh, week10.MessageEn, "PY-05",
        });
        rows[1][0].ShouldBe(talk.Id);
        rows[1][9].ShouldBe("criticism");
        rows[1][13].ShouldBe("wen-chengjun");
        rows[1][14].ShouldBe("open");
        rows[1][16].ShouldBeNull();
        rows[1][17].ShouldBe("刘晓光与温成军之间没有谈心谈话");
    }

    [Fact]
    public async Task The_history_view_lists_every_step_with_the_violations_columns()
    {
        var schema = server.NewSchemaName();
        var stores = await PostgresCampaignStores.OpenAsync(server.DataSource, schema);
        var week10 = CampaignSamples.WeeklyStudy(10);
        await stores.Violations.ApplyAsync([CampaignSamples.Open(week10, CampaignSamples.T0)]);
        await stores.Violations.ApplyAsync([CampaignSamples.Open(CampaignSamples.WeeklyStudy(10, hours: "3"), CampaignSamples.T0.AddDays(1))]);
        await stores.Violations.ApplyAsync([CampaignSamples.Resolve(week10, CampaignSamples.T0.AddDays(2))]);
        await stores.Violations.ApplyAsync([CampaignSamples.Open(week10, CampaignSamples.T0.AddDays(3))]);

        await using var command = server.DataSource.CreateCommand($"""
            SET search_path TO {schema};
            SELECT event, at AT TIME ZONE 'Asia/Shanghai', unit, plan_id, plan_version, requirement_id, phase, period, details->'args'->>2
            FROM campaignflow_violation_history WHERE violation_id = '{week10.Id}' ORDER BY sequence;
            """);
        var rows = new List<(string Event, DateTime At, string Unit, string Plan, int Version, string Requirement, string Phase, string Period, string Hours)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetDateTime(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8)));
            }
        }

        rows.Select(r => r.Event).ShouldBe(["opened", "changed", "resolved", "reopened"]);
        rows.Select(r => r.At).ShouldBe([new DateTime(2014, 3, 10, 9, 0, 0), new DateTime(2014, 3, 11, 9, 0, 0), new DateTime(2014, 3, 12, 9, 0, 0), new DateTime(2014, 3, 13, 9, 0, 0)]);
        rows.Select(r => r.Hours).ShouldBe(["2", "3", "2", "2"]);
        rows.ShouldAllBe(r => r.Unit == "panyu-ftu" && r.Plan == "panyu-ftu-2014" && r.Version == 1 && r.Requirement == "weekly-study" && r.Phase == "study" && r.Period == "2014-W10");
    }

    [Fact]
    public async Task The_records_view_shows_payload_fields_by_name()
    {
        var schema = server.NewSchemaName();
        var stores = await PostgresCampaignStores.OpenAsync(server.DataSource, schema);
        await stores.Records.AppendAsync([CampaignSamples.Study(10, hours: "2小时"), CampaignSamples.OpinionReport()]);

        await using var command = server.DataSource.CreateCommand($"""
            SET search_path TO {schema};
            SELECT key, type, kind, day, payload->>'hours', jsonb_array_length(payload->'participants')
            FROM campaignflow_records WHERE unit = 'panyu-ftu' AND type = 'activity';
            """);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetString(0).ShouldBe("study-2014-w10");
        reader.GetString(1).ShouldBe("activity");
        reader.GetString(2).ShouldBe("concentrated-study");
        reader.GetFieldValue<DateOnly>(3).ShouldBe(new DateOnly(2014, 3, 7));
        reader.GetString(4).ShouldBe("2小时");
        reader.GetInt32(5).ShouldBe(11);
        (await reader.ReadAsync()).ShouldBeFalse();
    }
}
