using CampaignFlow.Server.Api.Records;

namespace CampaignFlow.Server.Tests.Api;

public sealed class RecordShapeReaderTests
{
    [Fact]
    public void Json_records_give_key_type_reviewer_and_line()
    {
        var json = """
            [
              { "key": "meeting-plan", "document": "meeting-plan", "on": "2014-05-05", "author": "guo-jianwen" },
              { "key": "meeting-plan-ok", "review": "meeting-plan", "on": "2014-05-09",
                "by": "supervisor", "decision": "approved", "with": { "by": "nested is ignored" } }
            ]
            """;

        var shapes = RecordShapeReader.FromJson(json, out var problem).ShouldNotBeNull();

        problem.ShouldBeNull();
        shapes.ShouldBe([new RecordShape("meeting-plan", "document", null, 2), new RecordShape("meeting-plan-ok", "review", "supervisor", 3)]);
        shapes[1].IsSupervisorReview.ShouldBeTrue();
    }

    [Theory]
    [InlineData("{ \"key\": \"a\", \"activity\": \"talk\" ", "malformed-json")]
    [InlineData("[ { \"key\": \"a\" }, 3 ]", "json-not-records")]
    [InlineData("\"just text\"", "json-not-records")]
    [InlineData("{ \"key\": \"a\" } { \"key\": \"b\" }", "malformed-json")]
    public void Malformed_or_non_record_json_is_refused(string json, string code)
    {
        RecordShapeReader.FromJson(json, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().Code.ShouldBe(code);
    }

    [Fact]
    public void Malformed_json_names_its_line_and_column()
    {
        RecordShapeReader.FromJson("[\n  { \"key\": \"a\",, }\n]", out var problem).ShouldBeNull();

        problem!.Value.Arguments[0].ShouldBe("2");
        problem.Value.Arguments[1].ShouldBe("16");
    }

    [Fact]
    public void The_column_of_a_json_error_counts_characters_not_bytes()
    {
        RecordShapeReader.FromJson("{ \"title\": \"学习\",, }", out var problem).ShouldBeNull();

        problem!.Value.Arguments[1].ShouldBe("17");
    }

    [Theory]
    [InlineData("{ \"key\": \"a\",\n  \"\\ud800\": 1 }", "2", "3")]
    [InlineData("{ \"plan\": \"p\", \"records\": [ { \"key\": \"\\udc00\" } ] }", "1", "38")]
    public void A_lone_surrogate_escape_in_a_key_or_a_log_is_malformed_json_where_it_is(string json, string line, string column)
    {
        RecordShapeReader.FromJson(json, out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().Code.ShouldBe("malformed-json");
        problem.Value.Arguments[0].ShouldBe(line);
        problem.Value.Arguments[1].ShouldBe(column);
    }

    [Fact]
    public void Csv_rows_give_their_type_and_line_with_quoted_line_breaks()
    {
        var csv = "key,activity,document,review,on,by\r\nstudy-w07,concentrated-study,,,2014-02-14,\r\n\"plan\nnote\",,meeting-plan,,2014-05-05,\r\nplan-ok,,,plan,2014-05-09,supervisor\r\n";

        RecordShapeReader.FromCsv(csv).ShouldBe(
        [
            new RecordShape("study-w07", "activity", null, 2),
            new RecordShape("plan\nnote", "document", null, 3),
            new RecordShape("plan-ok", "review", "supervisor", 5),
        ]);
    }
}
