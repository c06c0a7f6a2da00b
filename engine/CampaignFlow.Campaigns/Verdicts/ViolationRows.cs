using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Campaigns.Verdicts;

/// <summary>
/// A violation as the rules yield it, turned into the row the violation store keeps: the columns auditors filter
/// by, the message in both languages, and everything else as canonical JSON in <see cref="StoredViolation.Details"/>.
/// The same violation always gives the same row, so a session rebuilt after a restart repeats rows, not history.
/// </summary>
public static class ViolationRows
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stored row of <paramref name="violation"/>.</summary>
    /// <param name="violation">The violation.</param>
    /// <param name="body">The body the unit belongs to (its plan's <c>unit.parent</c>).</param>
    public static StoredViolation From(Violation violation, string? body) => new()
    {
        Id = violation.Id,
        Unit = violation.Unit,
        Body = body,
        PlanId = violation.PlanId,
        PlanVersion = violation.PlanVersion,
        RequirementId = violation.RequirementId,
        ActionId = violation.ActionId,
        Kind = PlanShape.EnumWords(typeof(Plans.Requirements.RequirementKind))[(int)violation.Kind],
        Severity = violation.Severity == Severity.Soft ? "soft" : "required",
        PhaseId = violation.PhaseId,
        Period = violation.Period,
        PeriodStart = violation.PeriodStart,
        PeriodEnd = violation.PeriodEnd,
        Target = violation.Target,
        Code = violation.Code,
        MessageZh = violation.Message(Chinese),
        MessageEn = violation.Message(English),
        Details = Details(violation),
    };

    /// <summary>
    /// The details a history step stores: the row's <paramref name="details"/> with the evidence after the step and the
    /// keys of the records that caused it (<c>"records"</c>). Steps stored before they carried records have none, and
    /// their evidence is the row's as it stood; readers tell them apart by the missing <c>"records"</c>.
    /// </summary>
    /// <param name="details">The row's details.</param>
    /// <param name="change">The session's step.</param>
    public static string Step(string details, ViolationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (JsonNode.Parse(details) is not JsonObject root)
        {
            return details;
        }

        var evidence = new JsonObject
        {
            ["counted"] = new JsonArray([.. change.Evidence.Counted.Select(c => JsonValue.Create(c))]),
            ["missing"] = new JsonArray([.. change.Evidence.Missing.Select(m => JsonValue.Create(m))]),
        };
        if (change.Evidence.Actual is { } actual)
        {
            evidence["actual"] = actual;
        }

        if (change.Evidence.Required is { } required)
        {
            evidence["required"] = required;
        }

        root["evidence"] = evidence;
        root["records"] = new JsonArray([.. change.Records.Select(r => JsonValue.Create(r))]);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            root.WriteTo(w);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Details(Violation v)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("code", v.Code);
            Strings(w, "arguments", v.Arguments);
            if (v.TargetName is { } name)
            {
                w.WriteString("targetName", name);
            }

            if (v.Record is { } record)
            {
                w.WriteString("record", record);
            }

            w.WriteStartObject("evidence");
            Strings(w, "counted", v.Evidence.Counted);
            Strings(w, "missing", v.Evidence.Missing);
            if (v.Evidence.Actual is { } actual)
            {
                w.WriteString("actual", actual);
            }

            if (v.Evidence.Required is { } required)
            {
                w.WriteString("required", required);
            }

            w.WriteEndObject();
            w.WriteStartObject("location");
            w.WriteString("file", v.Location.File.Replace('\\', '/'));
            w.WriteNumber("line", v.Location.Line);
            w.WriteNumber("column", v.Location.Column);
            w.WriteEndObject();
            Strings(w, "source", v.Source);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
