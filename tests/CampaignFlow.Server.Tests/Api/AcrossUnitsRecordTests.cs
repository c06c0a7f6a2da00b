using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// <c>POST /records</c>: a CSV of many units' records, a <c>unit</c> column saying whose each row is — stored all or
/// nothing, each record under the caller's rights to its own unit, judged as if each unit had sent its rows itself.
/// </summary>
public sealed class AcrossUnitsRecordTests(AcrossUnitsRecordTests.Fixture fixture) : IClassFixture<AcrossUnitsRecordTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        public void Dispose() => Server.Dispose();
    }

    private const string Header = "unit,key,activity,on,hours,participants\n";

    [Fact]
    public async Task An_administrator_records_two_units_in_one_file_and_each_record_is_its_units()
    {
        var csv = Header
            + "panyu-ftu,across-study-1,concentrated-study,2014-03-07,半天,su-zhibang\n"
            + "mianyang-ftu,across-study-1,concentrated-study,2014-03-07,半天,zhang-jianguo;li-minghua\n"
            + "panyu-ftu,across-study-2,concentrated-study,2014-03-14,半天,su-zhibang\n";

        var answer = await (await fixture.Server.As(TestTokens.Admin).PostAsync("/records", ApiJson.Csv(csv))).ReadAsync(HttpStatusCode.Created);

        answer.GetProperty("inserted").GetInt32().ShouldBe(3);
        answer.GetProperty("records").EnumerateArray().Select(r => (r.GetProperty("unit").GetString(), r.GetProperty("key").GetString(), r.GetProperty("result").GetString()))
            .ShouldBe([("panyu-ftu", "across-study-1", "inserted"), ("mianyang-ftu", "across-study-1", "inserted"), ("panyu-ftu", "across-study-2", "inserted")]);
        var records = fixture.Server.Campaigns.Stores.Records;
        (await records.GetAsync("panyu-ftu", "across-study-2")).ShouldNotBeNull().RecordedBy.ShouldBe(TestTokens.Admin);
        (await records.GetAsync("mianyang-ftu", "across-study-1")).ShouldNotBeNull().Payload.ShouldContain("zhang-jianguo");

        var again = await (await fixture.Server.As(TestTokens.Admin).PostAsync("/records", ApiJson.Csv(csv))).ReadAsync(HttpStatusCode.OK);
        again.GetProperty("duplicates").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_bad_row_of_one_unit_refuses_the_whole_file_at_its_line_and_column()
    {
        var csv = Header
            + "mianyang-ftu,bad-file-ok,concentrated-study,2014-03-07,半天,zhang-jianguo\n"
            + "panyu-ftu,bad-file-person,concentrated-study,2014-03-07,半天,no-such-person\n"
            + "no-such-unit,bad-file-unit,concentrated-study,2014-03-07,半天,su-zhibang\n";

        var problem = await (await fixture.Server.As(TestTokens.Admin).PostAsync("/records", ApiJson.Csv(csv))).ReadAsync(HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("code").GetString().ShouldBe("records-invalid");
        var findings = problem.GetProperty("diagnostics").EnumerateArray().Select(d => (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("code").GetString())).ToArray();
        findings.ShouldContain(f => f.Item1 == 3 && f.Item3 == "unknown-person", string.Join("; ", findings));
        findings.ShouldContain((4, 1, "unknown-unit-row"));
        (await fixture.Server.Campaigns.Stores.Records.GetAsync("mianyang-ftu", "bad-file-ok")).ShouldBeNull("nothing of a refused file is stored");
    }

    [Fact]
    public async Task A_recorder_may_send_only_its_own_units_rows()
    {
        var csv = Header
            + "panyu-ftu,recorder-own,concentrated-study,2014-03-07,半天,su-zhibang\n"
            + "mianyang-ftu,recorder-other,concentrated-study,2014-03-07,半天,zhang-jianguo\n";

        var problem = await (await fixture.Server.As(TestTokens.RecorderPanyu).PostAsync("/records", ApiJson.Csv(csv))).ReadAsync(HttpStatusCode.Forbidden);

        problem.GetProperty("messageEn").GetString()!.ShouldContain("recorder-other");
        (await fixture.Server.Campaigns.Stores.Records.GetAsync("panyu-ftu", "recorder-own")).ShouldBeNull();
        var own = await fixture.Server.As(TestTokens.RecorderPanyu).PostAsync("/records", ApiJson.Csv(Header + "panyu-ftu,recorder-own,concentrated-study,2014-03-07,半天,su-zhibang\n"));
        own.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_file_of_its_header_alone_stores_nothing_and_is_answered_as_on_a_units_own_route()
    {
        // It was a 422 "the file is empty; a plan starts with 'plan:' and 'title:'", about plans, for records.
        var admin = fixture.Server.As(TestTokens.Admin);

        var across = await (await admin.PostAsync("/records", ApiJson.Csv(Header))).ReadAsync(HttpStatusCode.OK);
        var own = await (await admin.PostAsync("/units/panyu-ftu/records", ApiJson.Csv(Header))).ReadAsync(HttpStatusCode.OK);

        foreach (var answer in new[] { across, own })
        {
            (answer.GetProperty("inserted").GetInt32(), answer.GetProperty("duplicates").GetInt32(), answer.GetProperty("records").GetArrayLength()).ShouldBe((0, 0, 0));
        }
    }

    [Fact]
    public async Task A_file_without_a_unit_column_or_as_json_is_refused_with_a_message()
    {
        var missing = await (await fixture.Server.As(TestTokens.Admin, "zh-CN").PostAsync("/records", ApiJson.Csv("key,activity,on\nk,concentrated-study,2014-03-07\n"))).ReadAsync(HttpStatusCode.UnprocessableEntity);
        missing.GetProperty("diagnostics")[0].GetProperty("code").GetString().ShouldBe("unit-column-missing");
        missing.GetProperty("diagnostics")[0].GetProperty("message").GetString()!.ShouldContain("unit");

        (await fixture.Server.As(TestTokens.Admin).PostAsync("/records", ApiJson.Json("""{ "key": "k", "activity": "talk", "on": "2014-03-07" }""")))
            .StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await fixture.Server.As(null).PostAsync("/records", ApiJson.Csv(Header))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_units_own_route_takes_a_unit_column_naming_it_and_refuses_one_naming_another()
    {
        var recorder = fixture.Server.As(TestTokens.RecorderPanyu);

        (await recorder.PostAsync("/units/panyu-ftu/records", ApiJson.Csv(Header + "panyu-ftu,own-route,concentrated-study,2014-03-07,半天,su-zhibang\n")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var problem = await (await recorder.PostAsync("/units/panyu-ftu/records", ApiJson.Csv(Header + "mianyang-ftu,own-route-other,concentrated-study,2014-03-07,半天,su-zhibang\n")))
            .ReadAsync(HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("diagnostics")[0].GetProperty("code").GetString().ShouldBe("record-for-other-unit");
        (await fixture.Server.Campaigns.Stores.Records.GetAsync("panyu-ftu", "own-route-other")).ShouldBeNull();
    }
}
