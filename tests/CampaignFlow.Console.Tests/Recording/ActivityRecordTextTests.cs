using System.Text.Json;
using CampaignFlow.Server.WebConsole.Recording;

namespace CampaignFlow.Console.Tests.Recording;

/// <summary>A recording form becomes the API's JSON record, and each line of it names the field its value came from.</summary>
public sealed class ActivityRecordTextTests
{
    [Fact]
    public void Each_value_is_on_a_line_that_names_its_field()
    {
        var values = new ActivityFormValues
        {
            Key = "talk-1",
            On = "2014-05-06",
            Time = "09:30",
            Hours = "2h",
            Participants = ["su-zhibang", "chen-huimin"],
            Externals = new Dictionary<string, string> { ["supervisor"] = "2" },
            Attributes = new Dictionary<string, string> { ["includesCriticism"] = "true", ["theme"] = "四风" },
        };
        var record = ActivityRecordText.Write("talk", values, new HashSet<string> { "includesCriticism" });

        using var json = JsonDocument.Parse(record.Text);
        var root = json.RootElement;
        root.GetProperty("at").GetString().ShouldBe("2014-05-06 09:30");
        root.GetProperty("participants").GetArrayLength().ShouldBe(2);
        root.GetProperty("externals").GetProperty("supervisor").GetInt32().ShouldBe(2);
        root.GetProperty("with").GetProperty("includesCriticism").GetBoolean().ShouldBeTrue();
        root.GetProperty("with").GetProperty("theme").GetString().ShouldBe("四风");

        var lines = record.Text.ReplaceLineEndings("\n").Split('\n');
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
        record.FieldAt(LineOf("\"hours\"")).ShouldBe("hours");
        record.FieldAt(LineOf("\"at\"")).ShouldBe("on");
        record.FieldAt(LineOf("\"chen-huimin\"")).ShouldBe("participants");
        record.FieldAt(LineOf("\"supervisor\"")).ShouldBe("externals.supervisor");
        record.FieldAt(LineOf("\"theme\"")).ShouldBe("with.theme");
        record.FieldAt(LineOf("\"key\"")).ShouldBe("", "the key is the form's, not a field's");
    }

    [Fact]
    public void Empty_fields_are_left_out_and_a_day_without_a_time_is_on()
    {
        var record = ActivityRecordText.Write("concentrated-study", new ActivityFormValues { Key = "k", On = "2014-03-07" }, new HashSet<string>());
        using var json = JsonDocument.Parse(record.Text);
        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["key", "activity", "on"]);
    }
}
