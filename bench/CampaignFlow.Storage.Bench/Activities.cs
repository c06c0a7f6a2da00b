using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Storage.Bench;

/// <summary>
/// Activity records shaped like the demo logs in definitions/activities (番禺区总工会's study sessions, talks,
/// opinion collections), serialized as the record store's JSON payload: about 600 bytes each, Chinese included.
/// </summary>
public static class Activities
{
    private static readonly string[] Leaders =
        ["su-zhibang", "chen-huimin", "liu-xiaoguang", "wang-mandi", "wen-chengjun", "guo-jianwen", "qiu-qiaoyi", "hu-qing", "wang-shaowen", "li-hui", "chen-qiulan"];

    private static readonly (string Kind, string Title, string Note)[] Kinds =
    [
        ("concentrated-study", "集中学习", "学习《论群众路线——重要论述摘编》，每周不少于半天"),
        ("talk", "谈心谈话", "班子成员之间相互谈心，必须包括批评内容"),
        ("opinion-collection", "征求意见", "发放征求意见表、召开座谈会、个别访谈"),
        ("grassroots-research", "基层大调研", "领导班子成员深入基层、深入职工"),
        ("themed-party-day", "扶贫济困送温暖主题党日活动", "“扶贫济困送温暖”主题党日"),
    ];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly DateTimeOffset Received = new(2014, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Record <paramref name="index"/> of a run: unit <c>unit-(index mod units)</c>, a unique key, a day in 2014.</summary>
    public static StoredRecord Record(int index, int units)
    {
        var unit = "unit-" + (index % units).ToString("D4", CultureInfo.InvariantCulture);
        var (kind, title, note) = Kinds[index % Kinds.Length];
        var day = new DateOnly(2014, 2, 11).AddDays(index / units % 200);
        var key = $"{kind}-{index.ToString(CultureInfo.InvariantCulture)}";
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["key"] = key,
            ["activity"] = kind,
            ["title"] = title,
            ["on"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["hours"] = "半天",
            ["participants"] = Leaders,
            ["with"] = new Dictionary<string, object> { ["method"] = "forum", ["opinions"] = index % 50 },
            ["note"] = note,
        }, Json);
        return new StoredRecord(unit, key, "activity", kind, day, payload, Received.AddSeconds(index), "import");
    }
}
