using System.Globalization;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>Recording is idempotent per key, all or nothing, and says precisely what is wrong with a text.</summary>
public sealed class RecordingTests
{
    private const string Study = """{ "key": "study-2014-w07", "activity": "concentrated-study", "on": "2014-02-14", "hours": "半天", "participants": ["su-zhibang", "chen-huimin"] }""";

    private static async Task<(CampaignHarness H, CampaignService Service)> StartAsync()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-14"));
        return (h, await h.StartAsync());
    }

    [Fact]
    public async Task A_policy_judges_each_record_as_the_service_read_it_and_one_refusal_stores_nothing()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        var text = $"""
            [{Study},
             {"{"} "key": "plan", "document": "meeting-plan", "on": "2014-02-14", "author": "guo-jianwen" {"}"},
             {"{"} "key": "plan-ok", "review": "plan", "on": "2014-02-14", "by": "supervisor" {"}"}]
            """;

        var result = await service.RecordAsync("panyu-ftu", text, RecordFormat.Json, "secretary",
            (record, at) => record is Compliance.Records.ReviewRecord { Role: "supervisor" } ? new RecordRefusal("review-needs-reviewer", [record.Key, at.Line.ToString(CultureInfo.InvariantCulture)], Forbidden: true) : null);

        result.Refusal.ShouldBe(new RecordRefusal("review-needs-reviewer", ["plan-ok", "3"], true), new RecordRefusalComparer());
        result.Records.ShouldBeEmpty();
        (await h.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(0);
    }

    private sealed class RecordRefusalComparer : IEqualityComparer<RecordRefusal?>
    {
        public bool Equals(RecordRefusal? x, RecordRefusal? y) =>
            x is not null && y is not null && x.Code == y.Code && x.Forbidden == y.Forbidden && x.Arguments.SequenceEqual(y.Arguments);

        public int GetHashCode(RecordRefusal? obj) => obj?.Code.GetHashCode(StringComparison.Ordinal) ?? 0;
    }

    [Theory]
    [InlineData("study\\u0000w07")]
    [InlineData("study\\nw07")]
    public async Task A_key_with_a_control_character_is_refused_at_its_line_and_column(string key)
    {
        var (h, service) = await StartAsync();
        await using var _ = service;

        var result = await service.RecordAsync("panyu-ftu", Study.Replace("study-2014-w07", key, StringComparison.Ordinal), RecordFormat.Json, "secretary");

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("bad-record-key");
        (await h.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_longer_than_two_hundred_characters_is_refused()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;

        var result = await service.RecordAsync("panyu-ftu", Study.Replace("study-2014-w07", new string('k', 201), StringComparison.Ordinal), RecordFormat.Json, "secretary");

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("bad-record-key");
        (await h.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_key_with_the_same_content_is_a_duplicate_and_stores_nothing_more()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;

        (await service.RecordAsync("panyu-ftu", Study, RecordFormat.Json, "secretary")).Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Inserted);
        // The same record spelled otherwise (4h for 半天, YAML for JSON) is the same record.
        var again = await service.RecordAsync("panyu-ftu",
            "- { key: study-2014-w07, activity: concentrated-study, on: 2014-02-14, hours: 4h, participants: [su-zhibang, chen-huimin] }",
            RecordFormat.Yaml, "secretary");

        again.HasErrors.ShouldBeFalse();
        again.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Duplicate);
        (await h.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(1);
    }

    [Fact]
    public async Task A_key_stored_with_other_content_is_a_conflict_and_nothing_of_the_batch_is_stored()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        await service.RecordAsync("panyu-ftu", Study, RecordFormat.Json, "secretary");

        var changed = Study.Replace("半天", "2小时", StringComparison.Ordinal);
        var fresh = """{ "key": "talk-1", "activity": "talk", "on": "2014-02-15", "participants": ["su-zhibang", "chen-huimin"] }""";
        var result = await service.RecordAsync("panyu-ftu", $"[{fresh}, {changed}]", RecordFormat.Json, "secretary");

        result.HasConflicts.ShouldBeTrue();
        result.Records.Select(r => (r.Key, r.Outcome)).ShouldBe([("talk-1", AppendOutcome.Withheld), ("study-2014-w07", AppendOutcome.Conflict)]);
        result.Records[1].Stored.Payload.ShouldContain("\"hours\":4");
        (await h.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(1);
        (await h.Stores.Records.GetAsync("panyu-ftu", "talk-1")).ShouldBeNull();
    }

    [Fact]
    public async Task A_review_keeps_who_approved_so_another_reviewer_under_the_same_key_is_a_conflict()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        const string Document = """{ "key": "self-exam", "document": "self-examination", "on": "2014-02-14", "author": "chen-huimin" }""";
        const string Review = """{ "key": "self-exam-ok", "review": "self-exam", "on": "2014-02-14", "by": "principal", "reviewer": "su-zhibang" }""";
        await service.RecordAsync("panyu-ftu", $"[{Document}, {Review}]", RecordFormat.Json, "secretary");

        var same = await service.RecordAsync("panyu-ftu", Review, RecordFormat.Json, "secretary");
        var other = await service.RecordAsync("panyu-ftu", Review.Replace("su-zhibang", "liu-xiaoguang", StringComparison.Ordinal), RecordFormat.Json, "secretary");

        same.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Duplicate);
        other.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Conflict);
        var stored = (await h.Stores.Records.GetAsync("panyu-ftu", "self-exam-ok")).ShouldNotBeNull();
        stored.Payload.ShouldContain("\"reviewer\":\"su-zhibang\"");
        RecordCodec.Decode(stored).ShouldBeOfType<ReviewRecord>().Reviewer.ShouldBe("su-zhibang");
    }

    [Fact]
    public async Task A_review_stored_before_reviewers_were_kept_sent_again_with_its_reviewer_is_a_duplicate()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        const string Document = """{ "key": "self-exam", "document": "self-examination", "on": "2014-02-14", "author": "chen-huimin" }""";
        const string Review = """{ "key": "self-exam-ok", "review": "self-exam", "on": "2014-02-14", "by": "principal", "reviewer": "su-zhibang" }""";
        await service.RecordAsync("panyu-ftu", Document, RecordFormat.Json, "secretary");
        // As an earlier server stored it: the reviewer read, checked and dropped.
        var review = new ReviewRecord("self-exam-ok", "panyu-ftu", new DateOnly(2014, 2, 14), "self-exam", "self-examination", "principal", ReviewDecision.Approved);
        (await h.Stores.Records.AppendAsync([RecordCodec.Encode(review, DateTimeOffset.UnixEpoch, "secretary")])).Single().Outcome.ShouldBe(AppendOutcome.Inserted);

        var again = await service.RecordAsync("panyu-ftu", Review, RecordFormat.Json, "secretary");
        var changed = await service.RecordAsync("panyu-ftu", Review.Replace("\"on\": \"2014-02-14\"", "\"on\": \"2014-02-15\"", StringComparison.Ordinal), RecordFormat.Json, "secretary");

        again.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Duplicate);
        changed.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Conflict);
        (await h.Stores.Records.GetAsync("panyu-ftu", "self-exam-ok")).ShouldNotBeNull().Payload.ShouldNotContain("reviewer");
    }

    [Fact]
    public async Task A_return_with_the_reviewers_day_and_a_test_naming_who_failed_are_stored_with_them()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        const string Document = """{ "key": "self-exam", "document": "self-examination", "on": "2014-02-14", "author": "chen-huimin" }""";
        const string Review = """{ "key": "self-exam-back", "review": "self-exam", "on": "2014-02-14", "by": "principal", "decision": "returned", "within": "5天" }""";
        const string Test = """{ "key": "test", "activity": "concentrated-study", "on": "2014-02-17", "participants": ["su-zhibang", "chen-huimin"], "failed": ["chen-huimin"], "due": "2014-03-03" }""";
        foreach (var record in new[] { Document, Review, Test })
        {
            (await service.RecordAsync("panyu-ftu", record, RecordFormat.Json, "secretary")).Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Inserted);
        }

        var review = RecordCodec.Decode((await h.Stores.Records.GetAsync("panyu-ftu", "self-exam-back")).ShouldNotBeNull()).ShouldBeOfType<ReviewRecord>();
        review.Due.ShouldBe(new DateOnly(2014, 2, 19));
        var test = RecordCodec.Decode((await h.Stores.Records.GetAsync("panyu-ftu", "test")).ShouldNotBeNull()).ShouldBeOfType<ActivityRecord>();
        test.Failed.ShouldBe(["chen-huimin"]);
        test.Due.ShouldBe(new DateOnly(2014, 3, 3));

        // The day a length comes to is what is stored: the same return written with that day is the same record.
        var sameDay = Review.Replace("\"within\": \"5天\"", "\"due\": \"2014-02-19\"", StringComparison.Ordinal);
        (await service.RecordAsync("panyu-ftu", sameDay, RecordFormat.Json, "secretary")).Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Duplicate);
    }

    [Fact]
    public async Task A_meeting_sent_with_its_start_and_end_keeps_both_and_its_hours_from_them()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        const string Meeting = """{ "key": "mobilization", "activity": "mobilization-meeting", "at": "2014-02-18 09:00", "until": "2014-02-18 11:30" }""";
        await service.RecordAsync("panyu-ftu", Meeting, RecordFormat.Json, "secretary");

        var stored = (await h.Stores.Records.GetAsync("panyu-ftu", "mobilization")).ShouldNotBeNull();
        var meeting = RecordCodec.Decode(stored).ShouldBeOfType<ActivityRecord>();

        (meeting.Time, meeting.EndTime, meeting.Hours).ShouldBe((new TimeOnly(9, 0), new TimeOnly(11, 30), 2.5m));
        (await service.RecordAsync("panyu-ftu", Meeting, RecordFormat.Json, "secretary")).Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Duplicate);
    }

    [Fact]
    public async Task Guests_named_by_role_are_stored_with_their_names_and_counted()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        const string Meeting = """{ "key": "dlm", "activity": "democratic-life-meeting", "on": "2014-06-12", "hours": "1天", "externalNames": { "supervisor": ["陈志刚", "刘红"] } }""";
        await service.RecordAsync("panyu-ftu", Meeting, RecordFormat.Json, "secretary");

        var meeting = RecordCodec.Decode((await h.Stores.Records.GetAsync("panyu-ftu", "dlm")).ShouldNotBeNull()).ShouldBeOfType<ActivityRecord>();

        (meeting.Externals["supervisor"], string.Join("、", meeting.ExternalNames["supervisor"])).ShouldBe((2, "陈志刚、刘红"));
    }

    [Fact]
    public void An_activity_stored_before_end_times_were_kept_encodes_as_it_was_stored()
    {
        const string Before = """{"type":"activity","day":"2014-02-14","kind":"concentrated-study","lastDay":"2014-02-14","hours":4,"participants":[],"externals":{},"attributes":{}}""";
        var stored = new StoredRecord("panyu-ftu", "study-2014-w07", "activity", "concentrated-study", new DateOnly(2014, 2, 14), Before, DateTimeOffset.UnixEpoch, "secretary");

        var study = RecordCodec.Decode(stored).ShouldBeOfType<ActivityRecord>();

        study.EndTime.ShouldBeNull();
        RecordCodec.Encode(study, DateTimeOffset.UnixEpoch, "secretary").Payload.ShouldBe(Before);
    }

    [Fact]
    public void A_review_stored_before_reviewers_were_kept_decodes_without_one_and_encodes_as_it_was_stored()
    {
        // The payload a review had before the reviewer was kept: a retry of it without a reviewer stays a duplicate.
        const string Before = """{"type":"review","day":"2014-05-09","document":"meeting-plan","documentKind":"meeting-plan","role":"supervisor","decision":"approved"}""";
        var stored = new StoredRecord("panyu-ftu", "meeting-plan-ok", "review", "meeting-plan", new DateOnly(2014, 5, 9), Before, DateTimeOffset.UnixEpoch, "supervisor");

        var review = RecordCodec.Decode(stored).ShouldBeOfType<ReviewRecord>();

        (review.Role, review.Decision, review.Reviewer).ShouldBe(("supervisor", ReviewDecision.Approved, (string?)null));
        RecordCodec.Encode(review, DateTimeOffset.UnixEpoch, "supervisor").Payload.ShouldBe(Before);
    }

    [Fact]
    public async Task A_batch_with_one_bad_record_stores_none_of_its_records()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        var text = """
            [
              { "key": "study-a", "activity": "concentrated-study", "on": "2014-02-14", "hours": "半天", "participants": ["su-zhibang"] },
              { "key": "study-b", "activity": "concentrated-study", "on": "2014-02-15", "hours": "半天", "participants": ["nobody-here"] },
              { "key": "study-c", "activity": "concentrated-study", "on": "2014-02-16", "hours": "半天", "participants": ["chen-huimin"] }
            ]
            """;

        var result = await service.RecordAsync("panyu-ftu", text, RecordFormat.Json, "secretary");

        result.HasErrors.ShouldBeTrue();
        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("unknown-person");
        (error.Location.Line, error.Location.Column).ShouldBe((3, 109));
        result.Records.ShouldBeEmpty();
        (await h.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(0);
    }

    [Fact]
    public async Task Garbage_json_is_reported_at_the_line_and_column_where_the_parser_stopped()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        var text = "[\n  { \"key\": \"学习-1\", \"activity\": \"concentrated-study\" \"on\": \"2014-02-14\" }\n]";

        var result = await service.RecordAsync("panyu-ftu", text, RecordFormat.Json, "secretary");

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("json-syntax");
        // Line 2, where the missing comma should be: at "on", character 53 (the Chinese key counts one column a character, not three bytes).
        (error.Location.Line, error.Location.Column).ShouldBe((2, 53));
        error.Message(CultureInfo.GetCultureInfo("zh-CN")).ShouldStartWith("JSON 语法错误");
        error.Message(CultureInfo.GetCultureInfo("en")).ShouldStartWith("this is not valid JSON");
        (await h.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(0);
    }

    [Fact]
    public async Task Impossible_dates_unknown_kinds_and_unknown_documents_are_each_reported_where_they_are_written()
    {
        var (_, service) = await StartAsync();
        await using var __ = service;
        var text = """
            [
              { "key": "a", "activity": "concentrated-study", "on": "2014-02-30", "hours": "半天" },
              { "key": "b", "activity": "concentrated-studdy", "on": "2014-02-14" },
              { "key": "c", "review": "no-such-document", "by": "supervisor", "on": "2014-02-14" }
            ]
            """;

        var result = await service.RecordAsync("panyu-ftu", text, RecordFormat.Json, "secretary");

        result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).ShouldBe([
            ("bad-day", 2, 57),
            ("unknown-activity", 3, 29),
            ("unknown-document-key", 4, 27),
        ]);
        result.Diagnostics[0].Message(CultureInfo.GetCultureInfo("zh-CN")).ShouldContain("不是日期");
        result.Diagnostics[1].Message(CultureInfo.GetCultureInfo("en")).ShouldContain("concentrated-study");
        result.Diagnostics.ShouldAllBe(d => d.Location.File == "request.json");
    }

    [Fact]
    public async Task A_review_may_refer_to_a_document_stored_earlier()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        await service.RecordAsync("panyu-ftu", """{ "key": "meeting-plan", "document": "meeting-plan", "on": "2014-05-05", "author": "su-zhibang" }""", RecordFormat.Json, "secretary");

        var review = await service.RecordAsync("panyu-ftu", """{ "key": "meeting-plan-ok", "review": "meeting-plan", "by": "supervisor", "decision": "approved", "on": "2014-05-09" }""", RecordFormat.Json, "supervisor");

        review.HasErrors.ShouldBeFalse(string.Join("\n", review.Diagnostics));
        var stored = (await h.Stores.Records.GetAsync("panyu-ftu", "meeting-plan-ok")).ShouldNotBeNull();
        (stored.Type, stored.Kind, stored.RecordedBy).ShouldBe(("review", "meeting-plan", "supervisor"));
    }

    [Fact]
    public async Task Records_may_come_as_csv_with_chinese_kept_as_written()
    {
        var (h, service) = await StartAsync();
        await using var _ = service;
        var csv = "key,activity,on,hours,participants,with\nstudy-csv,concentrated-study,2014-02-14,半天,su-zhibang;chen-huimin,topic=学习党章\n";

        var result = await service.RecordAsync("panyu-ftu", csv, RecordFormat.Csv, "import");

        result.HasErrors.ShouldBeFalse(string.Join("\n", result.Diagnostics));
        (await h.Stores.Records.GetAsync("panyu-ftu", "study-csv")).ShouldNotBeNull().Payload.ShouldContain("\"topic\":\"学习党章\"");
    }

    [Fact]
    public async Task An_unknown_unit_is_an_exception_of_its_own()
    {
        var (_, service) = await StartAsync();
        await using var __ = service;

        (await Should.ThrowAsync<UnknownUnitException>(() => service.RecordAsync("nowhere", Study, RecordFormat.Json, "x"))).UnitId.ShouldBe("nowhere");
        (await service.GetStateAsync("nowhere")).ShouldBeNull();
        service.FindUnit("nowhere").ShouldBeNull();
    }
}
