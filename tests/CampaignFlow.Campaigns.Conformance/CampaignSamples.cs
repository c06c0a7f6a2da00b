using System.Globalization;
using System.Text.Json;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// Stored records, violations and plan versions shaped like the seeds': 番禺区总工会 (panyu-ftu) and its plan
/// panyu-ftu-2014, requirement ids from definitions/panyu-ftu-2014.yaml, ISO-week periods, Chinese text.
/// Times are Asia/Shanghai (+08:00), whole minutes, so every store can keep them exactly.
/// </summary>
public static class CampaignSamples
{
    public const string Unit = "panyu-ftu";
    public const string OtherUnit = "weidu-xiguan-street";
    public const string Plan = "panyu-ftu-2014";
    public const string Body = "panyu-district";

    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    public static readonly DateTimeOffset T0 = new(2014, 3, 10, 9, 0, 0, Shanghai);

    public static readonly string[] LeadingGroup =
        ["su-zhibang", "chen-huimin", "liu-xiaoguang", "wang-mandi", "wen-chengjun", "guo-jianwen", "qiu-qiaoyi", "hu-qing", "wang-shaowen", "li-hui", "chen-qiulan"];

    /// <summary>A concentrated-study activity as the demo log records it (study-2014-w10 is the one with 2小时).</summary>
    public static StoredRecord Study(int week, string hours = "半天", string unit = Unit, string? key = null)
    {
        var day = ISOWeek.ToDateTime(2014, week, DayOfWeek.Friday);
        var recordKey = key ?? $"study-2014-w{week:00}";
        var payload = Payload(new Dictionary<string, object>
        {
            ["key"] = recordKey,
            ["activity"] = "concentrated-study",
            ["title"] = "集中学习",
            ["on"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["hours"] = hours,
            ["participants"] = LeadingGroup,
            ["note"] = "学习《论群众路线——重要论述摘编》",
        });
        return new StoredRecord(unit, recordKey, "activity", "concentrated-study", DateOnly.FromDateTime(day), payload, T0.AddMinutes(week), "办公室·郭建文");
    }

    /// <summary>A document record (征求意见专题报告).</summary>
    public static StoredRecord OpinionReport(string unit = Unit) => new(
        unit, "opinion-report", "document", "opinion-report", new DateOnly(2014, 4, 22),
        Payload(new Dictionary<string, object> { ["key"] = "opinion-report", ["document"] = "opinion-report", ["title"] = "征求意见专题报告", ["on"] = "2014-04-22", ["author"] = "guo-jianwen" }),
        T0.AddDays(43), "import");

    public static string Payload(Dictionary<string, object> fields) =>
        JsonSerializer.Serialize(fields, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>A weekly-study shortfall in an ISO week of 2014 (PY-05, 每周集中学习不少于半天).</summary>
    public static StoredViolation WeeklyStudy(int week, string unit = Unit, int planVersion = 1, string hours = "2", string? id = null)
    {
        var start = DateOnly.FromDateTime(ISOWeek.ToDateTime(2014, week, DayOfWeek.Monday));
        var period = $"2014-W{week:00}";
        return new StoredViolation
        {
            Id = id ?? $"{unit}/{Plan}@{planVersion}/weekly-study/{period}",
            Unit = unit,
            Body = Body,
            PlanId = Plan,
            PlanVersion = planVersion,
            RequirementId = "weekly-study",
            ActionId = "weekly-study",
            Kind = "period-minimum",
            Severity = "required",
            PhaseId = "study",
            Period = period,
            PeriodStart = start,
            PeriodEnd = start.AddDays(6),
            Target = null,
            Code = "period-minimum-hours",
            MessageZh = $"{period} 集中学习 {hours} 小时，少于要求的 4 小时（半天）",
            MessageEn = $"{period}: concentrated study took {hours} h, less than the required 4 h (half a day)",
            Details = Payload(new Dictionary<string, object>
            {
                ["requirement"] = "weekly-study",
                ["source"] = new[] { "PY-05" },
                ["args"] = new[] { period, "集中学习", hours, "4", "半天" },
                ["evidence"] = new[] { $"study-{period.ToLowerInvariant()}" },
            }),
        };
    }

    /// <summary>A missing mutual talk between two leading-group members (PY-17), targeted at a person, in the criticism phase's window.</summary>
    public static StoredViolation MutualTalk(string target = "wen-chengjun", string unit = Unit) => new()
    {
        Id = $"{unit}/{Plan}@1/mutual-talks/window/{target}",
        Unit = unit,
        Body = Body,
        PlanId = Plan,
        PlanVersion = 1,
        RequirementId = "mutual-talks",
        ActionId = "mutual-talks",
        Kind = "pairwise",
        Severity = "required",
        PhaseId = "criticism",
        Period = "window",
        PeriodStart = new DateOnly(2014, 5, 1),
        PeriodEnd = new DateOnly(2014, 7, 31),
        Target = target,
        Code = "pair-missing",
        MessageZh = "刘晓光与温成军之间没有谈心谈话",
        MessageEn = "no talk between liu-xiaoguang and wen-chengjun",
        Details = Payload(new Dictionary<string, object> { ["requirement"] = "mutual-talks", ["source"] = new[] { "PY-17" }, ["pair"] = new[] { "liu-xiaoguang", target } }),
    };

    /// <summary>A soft requirement of the rectification phase without a phase-specific body or target (PY-31).</summary>
    public static StoredViolation PublishPersonalPlans(string unit = Unit) => new()
    {
        Id = $"{unit}/{Plan}@1/publish-personal-plans/2014-09",
        Unit = unit,
        Body = null,
        PlanId = Plan,
        PlanVersion = 1,
        RequirementId = "publish-personal-plans",
        ActionId = "publish-personal-plans",
        Kind = "deadline",
        Severity = "soft",
        PhaseId = null,
        Period = "2014-09",
        PeriodStart = new DateOnly(2014, 9, 1),
        PeriodEnd = new DateOnly(2014, 9, 30),
        Target = null,
        Code = "deadline-missed",
        MessageZh = "党员领导干部个人整改方案未在 2014-09-30 前完成",
        MessageEn = "personal rectification plan was not held by 2014-09-30",
        Details = Payload(new Dictionary<string, object> { ["requirement"] = "publish-personal-plans", ["source"] = new[] { "PY-31" } }),
    };

    public static ViolationUpdate Open(StoredViolation violation, DateTimeOffset at) => new(true, at, violation);

    public static ViolationUpdate Resolve(StoredViolation violation, DateTimeOffset at) => new(false, at, violation);

    /// <summary>The files of panyu-ftu-2014 as published: the plan, its roster and its holidays, read from definitions/.</summary>
    public static IReadOnlyList<PlanSourceFile> PanyuFiles() =>
    [
        new("panyu-ftu-2014.yaml", File.ReadAllText(Repository.Path("definitions", "panyu-ftu-2014.yaml"))),
        new("panyu-ftu.roster.yaml", File.ReadAllText(Repository.Path("definitions", "panyu-ftu.roster.yaml"))),
        new("calendar/china.holidays.yaml", File.ReadAllText(Repository.Path("definitions", "calendar", "china.holidays.yaml"))),
    ];

    public static PlanVersion Version(string planId, int version, IReadOnlyList<PlanSourceFile> files, string unit = Unit, DateTimeOffset? at = null) =>
        new(planId, version, unit, PlanVersionHash.Of(files), files, at ?? new DateTimeOffset(2014, 2, 11, 8, 30, 0, Shanghai));
}
